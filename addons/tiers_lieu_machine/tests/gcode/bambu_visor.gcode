; HEADER_BLOCK_START
; BambuStudio 01.09.07.52
; model printing time: 2h 3m 10s; total estimated time: 2h 9m 41s
; total layer number: 140
; total filament length [mm] : 15236.94, 1204.50
; total filament volume [cm^3] : 36648.17, 2897.13
; total filament weight [g] : 45.44, 3.59
; filament_density: 1.24,1.24
; filament_diameter: 1.75,1.75
; max_z_height: 28.00
; HEADER_BLOCK_END

; EXECUTABLE_BLOCK_START
M73 P0 R129
G28
G1 X128 Y128 Z0.4 F3000
; EXECUTABLE_BLOCK_END
