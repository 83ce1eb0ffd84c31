# High-precision reference values of the non-central F distribution function for radtrial's
# NoncentralF: the Poisson mixture of regularized incomplete beta functions summed with mpmath at 40
# significant digits over every Poisson term within 40 standard deviations of the mean (the rest
# weighs < 1e-300), on the same grid as noncentral_f.R. R's pf() is accurate only to about 1e-9
# (pnbeta's errmax), so these values check the last digits.
# Run with Debian's python3 (python3-mpmath):
#   /usr/bin/python3 core/src/test/reference/noncentral_f_mpmath.py > core/src/test/reference/noncentral_f_mpmath.out
import mpmath as mp

mp.mp.dps = 40


def cdf(q, df1, df2, ncp):
    q, df1, df2, ncp = mp.mpf(q), mp.mpf(df1), mp.mpf(df2), mp.mpf(ncp)
    x = df1 * q / (df1 * q + df2)
    mu = ncp / 2
    if mu == 0:
        return mp.betainc(df1 / 2, df2 / 2, 0, x, regularized=True)
    spread = int(40 * mp.sqrt(mu)) + 40
    lo = max(0, int(mu) - spread)
    total = mp.mpf(0)
    for j in range(lo, int(mu) + spread):
        weight = mp.e ** (-mu + j * mp.log(mu) - mp.loggamma(j + 1))
        total += weight * mp.betainc(df1 / 2 + j, df2 / 2, 0, x, regularized=True)
    return total


print("# mpmath", mp.__version__, "at", mp.mp.dps, "digits")
for df1 in ["1", "2", "3", "7"]:
    for df2 in ["2.5", "4", "15.26", "63.14", "1000"]:
        for ncp in ["0", "0.3", "4.8", "13.65", "60", "400"]:
            for q in ["0.2", "1", "4.28", "9", "40"]:
                print(q, df1, df2, ncp, mp.nstr(cdf(q, df1, df2, ncp), 20, min_fixed=-30, max_fixed=30))
