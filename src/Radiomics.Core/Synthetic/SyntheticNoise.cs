namespace Radiomics.Synthetic;

/// <summary>Seeded Gaussian noise for the synthetic data (Box–Muller; reproducible across platforms).</summary>
public static class SyntheticNoise
{
    /// <summary>One standard normal deviate drawn from <paramref name="rng"/>.</summary>
    public static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
