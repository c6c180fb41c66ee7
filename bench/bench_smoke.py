"""Checks the bench harness itself: creating and reading partners in batch."""

from common import bench_env, measure, parse_args


def main():
    args = parse_args(__doc__, count=1000)
    results = []
    with bench_env(args) as env:
        with measure(env, f"create {args.count} partners in one call", results):
            partners = env["res.partner"].create(
                [{"name": f"Bench {i}", "siret": "73282932000074"} for i in range(args.count)]
            )
        with measure(env, f"read the SIREN of {args.count} partners", results):
            sirens = set(partners.mapped("siren"))
    assert sirens == {"732829320"}, sirens


if __name__ == "__main__":
    main()
