"""Reading files on several cores: the same output as one process, whatever the workers do."""

from __future__ import annotations

import os
import sys

import pytest

from env_lint.project import workers

from .conftest import FIXTURES


@pytest.fixture
def pooled(monkeypatch):
    """Workers for any number of files; the number of pools started."""
    started = []
    real = workers._pooled

    def counting(make, tasks, count):
        started.append(count)
        return real(make, tasks, count)

    monkeypatch.setattr(workers, "MIN_FILES", 0)
    monkeypatch.setattr(workers, "CHUNK", 1)
    monkeypatch.setattr(workers, "_pooled", counting)
    return started


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
@pytest.mark.parametrize("fixture", ["t11-platform", "turbo-monorepo", "broken-inputs"])
def test_workers_print_what_one_process_prints(run, pooled, fixture):
    alone = run(FIXTURES / fixture, "--format", "json", "--no-cache", "--jobs", "1")
    assert pooled == []
    shared = run(FIXTURES / fixture, "--format", "json", "--no-cache", "--jobs", "2")
    assert pooled == [2]
    assert (shared.code, shared.out, shared.err) == (alone.code, alone.out, alone.err)


def _dies(task):
    os._exit(3)  # a worker killed mid-file (a crash in a native parser)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
def test_a_dying_worker_loses_no_file(run, pooled, monkeypatch):
    alone = run(FIXTURES / "t11-platform", "--format", "json", "--no-cache", "--jobs", "1")
    monkeypatch.setattr(workers, "_work", _dies)
    shared = run(FIXTURES / "t11-platform", "--format", "json", "--no-cache", "--jobs", "2")
    assert pooled == [2]
    assert (shared.code, shared.out) == (alone.code, alone.out)


def test_how_many_workers(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    many = workers.MIN_FILES * 4
    assert workers.workers_for(1, many) == 1  # --jobs 1: none
    assert workers.workers_for(0, many) == 4  # one per usable core
    assert workers.workers_for(3, many) == 3
    assert workers.workers_for(0, workers.MIN_FILES - 1) == 1  # too few files to pay
    assert workers.workers_for(1000, many) == many // workers.CHUNK  # no worker without a task
    monkeypatch.setattr(sys, "platform", "darwin")
    assert workers.workers_for(0, many) == 1  # not forked there
