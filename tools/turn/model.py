"""The end-of-turn model's form, shared by fit_end_of_turn.py and evaluate.py; Swift's
`EndOfTurnModel` computes exactly this.

    x  = the 17 cues of TurnCues.featureNames, as `attune turns --features` prints them
    e  = x followed by x[i] * x[j] for every pair (i <= j) of the prosodic cues (squares included)
    z  = (e - mean) / scale                    (mean and scale of the training frames)
    p  = 1 / (1 + exp(-(bias + weights . z)))

The pairwise products let a logistic regression say things a sum cannot, such as "a final rise means
a shift when it goes high in this speaker's range, a hold when it stays mid-range", or "a long pause
weighs more after a fall". The transcript cues enter linearly.
"""
import numpy as np

from runner import FEATURE_NAMES

TRANSCRIPT = {"transcriptHoldWord", "transcriptTerminal", "transcriptQuestion", "pauseLogTimesHoldWord",
              "transcriptPresent"}
PROSODIC = [i for i, n in enumerate(FEATURE_NAMES) if n not in TRANSCRIPT]
PAIRS = [(i, j) for a, i in enumerate(PROSODIC) for j in PROSODIC[a:]]


def expand(X):
    X = np.asarray(X, dtype=np.float64)
    return np.hstack([X] + [(X[:, i] * X[:, j])[:, None] for i, j in PAIRS])


class Model:
    def __init__(self, weights, bias, mean, scale):
        self.weights, self.bias = np.asarray(weights), float(bias)
        self.mean, self.scale = np.asarray(mean), np.asarray(scale)

    def probabilities(self, X):
        z = (expand(X) - self.mean) / self.scale
        return 1 / (1 + np.exp(-np.clip(self.bias + z @ self.weights, -30, 30)))

    @staticmethod
    def from_json(document):
        return Model(document["weights"], document["bias"], document["mean"], document["scale"])

    def to_json(self):
        return {"pairs": [list(p) for p in PAIRS], "mean": [round(float(v), 6) for v in self.mean],
                "scale": [round(float(v), 6) for v in self.scale],
                "weights": [round(float(v), 6) for v in self.weights], "bias": round(self.bias, 6)}
