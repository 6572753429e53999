"""A page's newsline process ends when its page leaves, even when the page leaves while the app starts.

The measured bug: a page that sends a resize and leaves within about a second of connecting left a
process spinning in Screen._on_resize at ~80 % of a core, which neither the quit request nor SIGTERM
stopped (with Textual's own web driver, each of these tests times out with the process alive).
"""

from __future__ import annotations

import signal
import subprocess
import time

import pytest

from .processes import end_group, page_process, send_meta

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]  # real servers and page processes, waited on up to 60 s

# The page driver's grace (3 s) plus start-up on a busy 2-core machine, with room to spare.
ENDS_WITHIN = 15


def _ended(process: subprocess.Popen) -> bool:
    try:
        process.wait(ENDS_WITHIN)
    except subprocess.TimeoutExpired:
        return False
    return True


@pytest.mark.parametrize("leaves_after", [0.0, 0.3, 0.8])
def test_a_page_that_resizes_and_leaves_while_starting_ends_its_process(leaves_after):
    process = page_process()
    try:
        send_meta(process, {"type": "resize", "width": 100, "height": 30})
        time.sleep(leaves_after)
        send_meta(process, {"type": "quit"})  # what textual-serve sends when the page's websocket closes
        assert _ended(process), "the process outlived its page"
    finally:
        end_group(process)


def test_sigterm_ends_a_process_stuck_starting():
    process = page_process()
    try:
        send_meta(process, {"type": "resize", "width": 100, "height": 30})
        time.sleep(0.3)
        send_meta(process, {"type": "quit"})
        time.sleep(0.5)
        process.send_signal(signal.SIGTERM)
        assert _ended(process), "SIGTERM did not end the process"
    finally:
        end_group(process)


def test_the_process_ends_when_the_server_end_of_its_input_closes():
    process = page_process()
    try:
        send_meta(process, {"type": "resize", "width": 100, "height": 30})
        time.sleep(0.3)
        assert process.stdin is not None
        process.stdin.close()  # the server has gone without a word
        assert _ended(process), "the process outlived its server"
    finally:
        end_group(process)
