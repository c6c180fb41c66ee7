from . import ir_ui_menu
