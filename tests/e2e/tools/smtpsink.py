#!/usr/bin/env python3
"""smtpsink.py DIR PORT READYFILE [DELAY] - a real SMTP server (aiosmtpd)
on loopback PORT (READYFILE appears when it listens); every accepted message is saved as DIR/NNNN.eml with
the envelope recipient in DIR/NNNN.rcpt. Recipients at temp.example get
451, at perm.example 550; at once.example 451 the first time an address
is seen and 250 after that. DELAY seconds are spent in each DATA."""
import asyncio, os, sys, time
from aiosmtpd.controller import Controller

out, port, ready = sys.argv[1], int(sys.argv[2]), sys.argv[3]
delay = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
os.makedirs(out, exist_ok=True)

class Handler:
    n = 0
    refused = set()
    async def handle_RCPT(self, server, session, envelope, address, opts):
        if address.endswith("@once.example") and address not in Handler.refused:
            Handler.refused.add(address)
            return "451 4.3.0 greylisted, try again later"
        if address.endswith("@temp.example"):
            return "451 4.3.0 try again later"
        if address.endswith("@perm.example"):
            return "550 5.1.1 no such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"
    async def handle_DATA(self, server, session, envelope):
        if delay:
            await asyncio.sleep(delay)
        Handler.n += 1
        base = os.path.join(out, "%04d-%d" % (Handler.n, os.getpid()))
        with open(base + ".tmp", "wb") as f:
            f.write(envelope.original_content)
        with open(base + ".rcpt", "w") as f:
            f.write(",".join(envelope.rcpt_tos))
        os.rename(base + ".tmp", base + ".eml")
        return "250 OK queued"

c = Controller(Handler(), hostname="127.0.0.1", port=port)
c.start()
open(ready, "w").close()
try:
    while True:
        time.sleep(3600)
finally:
    c.stop()
