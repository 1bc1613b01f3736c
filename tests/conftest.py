import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
SEEDS = os.path.join(ROOT, "seeds")
SHARED_GOLD = os.path.join(ROOT, "..", "shared", "gold")
