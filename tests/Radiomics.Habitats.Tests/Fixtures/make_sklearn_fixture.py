"""Writes sklearn_blobs.csv (a small overlapping 3-blob data set) and prints scikit-learn's KMeans inertia and metric
values for it; the printed values are the golden values of ClusteringGoldenTests.cs. Run with Debian's python3-sklearn:
    /usr/bin/python3 make_sklearn_fixture.py
"""
import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score, calinski_harabasz_score, davies_bouldin_score, adjusted_rand_score

rng = np.random.default_rng(2024)
centres = np.array([[0, 0, 0], [3, 1, 0], [1, 3, 2]], float)
truth = np.repeat([0, 1, 2], [40, 30, 50])
X = centres[truth] + rng.normal(0, 1.0, size=(truth.size, 3))
header = "x0,x1,x2,truth"
np.savetxt("sklearn_blobs.csv", np.column_stack([X, truth]), delimiter=",", header=header, comments="", fmt=["%.17g"] * 3 + ["%d"])
X = np.loadtxt("sklearn_blobs.csv", delimiter=",", skiprows=1)[:, :3]
km = KMeans(n_clusters=3, n_init=10, random_state=0).fit(X)
print("sklearn", sklearn.__version__)
print("inertia k=3", repr(km.inertia_))
for k in (2, 4):
    print(f"inertia k={k}", repr(KMeans(n_clusters=k, n_init=10, random_state=0).fit(X).inertia_))
print("silhouette(truth)", repr(silhouette_score(X, truth)))
print("calinski_harabasz(truth)", repr(calinski_harabasz_score(X, truth)))
print("davies_bouldin(truth)", repr(davies_bouldin_score(X, truth)))
print("ari(truth, kmeans)", repr(adjusted_rand_score(truth, km.labels_)))
print("kmeans labels", "".join(map(str, km.labels_)))
# Single-start quality of k-means++: distribution of the inertia over 200 seeds.
for k in (3, 4):
    v = np.array([KMeans(n_clusters=k, n_init=1, random_state=s).fit(X).inertia_ for s in range(200)])
    print(f"k={k} single start over 200 seeds: min", repr(v.min()), "mean", repr(v.mean()))
