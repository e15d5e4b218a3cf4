namespace Platform.Referrals.Domain.Monitoring;

/// <summary>
/// The regularised incomplete gamma function and its inverse, which give exact Poisson limits: for a Poisson
/// count, P(Y ≥ k | μ) = P(k, μ), so the mean at which an observed count sits in a tail is a gamma quantile
/// (equivalently half a chi-square quantile with 2k degrees of freedom).
/// </summary>
internal static class GammaDistribution
{
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7), accurate to about 15 digits.</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>P(a, x) = γ(a, x) / Γ(a): the series below a + 1, the continued fraction (Lentz) above.</summary>
    public static double LowerRegularized(double a, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        var logPrefix = (a * Math.Log(x)) - x - LogGamma(a);
        if (x < a + 1)
        {
            double term = 1 / a, sum = term;
            for (var n = 1; n < 10_000 && Math.Abs(term) > Math.Abs(sum) * 1e-16; n++)
            {
                term *= x / (a + n);
                sum += term;
            }

            return Math.Min(1, sum * Math.Exp(logPrefix));
        }

        const double tiny = 1e-300;
        double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
        for (var i = 1; i < 10_000; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Max(0, 1 - (Math.Exp(logPrefix) * h));
    }

    /// <summary>The x with P(a, x) = p: Newton's method from the Wilson–Hilferty guess, kept inside a bisection bracket.</summary>
    public static double Quantile(double p, double a)
    {
        if (a <= 0 || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return double.PositiveInfinity;
        }

        double lo = 0, hi = Math.Max(1, a + (10 * Math.Sqrt(a)) + 10);
        while (LowerRegularized(a, hi) < p)
        {
            lo = hi;
            hi *= 2;
        }

        var nine = 1 / (9 * a);
        var x = Math.Clamp(a * Math.Pow(Math.Max(0, 1 - nine + (Normal.Quantile(p) * Math.Sqrt(nine))), 3), lo, hi);
        var logNorm = LogGamma(a);
        for (var i = 0; i < 200 && hi - lo > 1e-14 * Math.Max(1, hi); i++)
        {
            var f = LowerRegularized(a, x) - p;
            if (f == 0)
            {
                return x;
            }

            if (f < 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            var density = Math.Exp(((a - 1) * Math.Log(x)) - x - logNorm);
            var next = density > 0 ? x - (f / density) : double.NaN;
            if (Math.Abs(next - x) < 1e-13 * Math.Max(1, x))
            {
                // Converged; the step may land on the bracket's edge, which is x itself, so take it before the bracket test.
                return next;
            }

            x = next > lo && next < hi ? next : (lo + hi) / 2;
        }

        return x;
    }
}
