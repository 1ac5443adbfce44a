"""The GitHub workflows do what the README says CI does: Debian (where the README's
commands and tests/browser/setup.sh are at home), every action pinned by commit, the whole
git history, the tests before anything is published, one run per change."""

from __future__ import annotations

import re

import yaml
from site_build import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def _workflows() -> dict[str, dict]:
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in WORKFLOWS.glob("*.yml")}


def _steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def test_every_action_is_pinned_by_commit_with_its_tag_beside_it() -> None:
    lines = [
        line
        for p in WORKFLOWS.glob("*.yml")
        for line in p.read_text(encoding="utf-8").splitlines()
        if "uses:" in line
    ]
    assert lines
    for line in lines:
        assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40}\s+# v\d", line), line


def test_jobs_that_run_the_readme_commands_run_in_debian_with_the_whole_history() -> None:
    for name, flow in _workflows().items():
        for job_name, job in flow["jobs"].items():
            runs = " ".join(s.get("run", "") for s in _steps(job))
            if "make" not in runs:
                continue
            assert job.get("container", "").startswith("debian:"), (name, job_name)
            steps = _steps(job)
            checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
            assert checkout.get("with", {}).get("fetch-depth") == 0, (name, job_name)
            # git must be there before the checkout, or it downloads a tarball without history
            assert "git" in steps[0].get("run", "") and steps.index(checkout) > 0


def test_publishing_runs_the_tests_first() -> None:
    flow = _workflows()["publish.yml"]
    build = flow["jobs"]["build"]
    runs = [s.get("run", "") or s.get("uses", "") for s in _steps(build)]
    tests = next(i for i, r in enumerate(runs) if "bash .ci/run" in r)
    upload = next(i for i, r in enumerate(runs) if r.startswith("actions/upload-pages-artifact@"))
    assert tests < upload
    assert flow["jobs"]["deploy"]["needs"] == "build"


def test_a_push_to_a_pull_request_runs_the_checks_once() -> None:
    flow = _workflows()["pull-request.yml"]
    triggers = flow.get("on") or flow.get(True)  # YAML 1.1 reads the key `on` as True
    assert "pull_request" in triggers and "push" not in triggers
    assert flow["concurrency"]["cancel-in-progress"] is True
    assert "bash .ci/run" in " ".join(s.get("run", "") for s in _steps(flow["jobs"]["check"]))
