namespace Radiomics.Longitudinal.Registration;

/// <summary>A differentiable objective: returns the value at <c>x</c> and writes the gradient.</summary>
internal delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

/// <summary>What an optimisation run did.</summary>
internal readonly record struct OptimizationOutcome(int Iterations, int Evaluations, double Value, string StopReason);

/// <summary>Deterministic minimisers over scaled parameters (units where a step of 1 moves the image about 1 mm).</summary>
internal static class Optimiser
{
    public static OptimizationOutcome Minimize(
        Objective objective, double[] x, OptimiserSettings settings, int iterations, CancellationToken cancellation, Action<int, double>? onIteration = null) =>
        settings.Kind switch
        {
            OptimiserKind.RegularStepGradientDescent => RegularStep(objective, x, settings, iterations, cancellation, onIteration),
            _ => Lbfgs(objective, x, settings, iterations, cancellation, onIteration),
        };

    /// <summary>L-BFGS two-loop recursion with an Armijo backtracking line search (Nocedal &amp; Wright 2006, §7.2).</summary>
    private static OptimizationOutcome Lbfgs(
        Objective objective, double[] x, OptimiserSettings settings, int iterations, CancellationToken cancellation, Action<int, double>? onIteration)
    {
        int n = x.Length;
        int m = settings.Memory;
        var g = new double[n];
        var d = new double[n];
        var xn = new double[n];
        var gn = new double[n];
        var s = new double[m][];
        var y = new double[m][];
        var rho = new double[m];
        var alphaHistory = new double[m];
        int stored = 0, head = 0;
        double fx = objective(x, g);
        int evaluations = 1;
        int flat = 0;
        string reason = "maximum iterations";
        int it = 0;
        for (; it < iterations; it++)
        {
            cancellation.ThrowIfCancellationRequested();
            double gmax = OptimiserVectors.MaxAbs(g);
            if (!(gmax > 0))
            {
                reason = "zero gradient";
                break;
            }

            // d = −H·g by the two-loop recursion.
            g.CopyTo(d, 0);
            for (int k = 0; k < stored; k++)
            {
                int j = (head - 1 - k + m) % m;
                alphaHistory[j] = rho[j] * OptimiserVectors.Dot(s[j], d);
                OptimiserVectors.MultiplyAdd(y[j], -alphaHistory[j], d, d);
            }

            if (stored > 0)
            {
                int last = (head - 1 + m) % m;
                double gamma = OptimiserVectors.Dot(s[last], y[last]) / OptimiserVectors.Dot(y[last], y[last]);
                OptimiserVectors.Multiply(d, gamma, d);
            }
            else
            {
                OptimiserVectors.Multiply(d, settings.LearningRate / gmax, d);
            }

            for (int k = stored - 1; k >= 0; k--)
            {
                int j = (head - 1 - k + m) % m;
                double beta = rho[j] * OptimiserVectors.Dot(y[j], d);
                OptimiserVectors.MultiplyAdd(s[j], alphaHistory[j] - beta, d, d);
            }

            OptimiserVectors.Multiply(d, -1, d);
            double gd = OptimiserVectors.Dot(g, d);
            if (!(gd < 0))
            {
                // Not a descent direction (curvature information went stale): restart from steepest descent.
                stored = 0;
                OptimiserVectors.Multiply(g, -settings.LearningRate / gmax, d);
                gd = OptimiserVectors.Dot(g, d);
            }

            double dmax = OptimiserVectors.MaxAbs(d);
            if (dmax > settings.MaximumStepLength)
            {
                OptimiserVectors.Multiply(d, settings.MaximumStepLength / dmax, d);
                gd *= settings.MaximumStepLength / dmax;
                dmax = settings.MaximumStepLength;
            }

            double alpha = 1, fn = double.NaN;
            bool accepted = false;
            for (int ls = 0; ls < 10; ls++)
            {
                OptimiserVectors.MultiplyAdd(d, alpha, x, xn);
                fn = objective(xn, gn);
                evaluations++;
                if (double.IsFinite(fn) && fn <= fx + 1e-4 * alpha * gd)
                {
                    accepted = true;
                    break;
                }

                // Minimiser of the quadratic through f(0), f'(0) and f(α), kept within [0.1α, 0.5α].
                double q = double.IsFinite(fn) ? -gd * alpha * alpha / (2 * (fn - fx - gd * alpha)) : 0.1 * alpha;
                alpha = Math.Clamp(q, 0.1 * alpha, 0.5 * alpha);
            }

            if (!accepted)
            {
                if (stored > 0)
                {
                    stored = 0;
                    continue;
                }

                reason = "line search failed";
                break;
            }

            // Store the correction pair when the curvature condition holds.
            var sNew = s[head] ??= new double[n];
            var yNew = y[head] ??= new double[n];
            OptimiserVectors.Subtract(xn, x, sNew);
            OptimiserVectors.Subtract(gn, g, yNew);
            double sy = OptimiserVectors.Dot(sNew, yNew);
            if (sy > 1e-12 * OptimiserVectors.Dot(yNew, yNew))
            {
                rho[head] = 1 / sy;
                head = (head + 1) % m;
                stored = Math.Min(stored + 1, m);
            }

            double decrease = (fx - fn) / Math.Max(Math.Abs(fx), 1e-12);
            xn.CopyTo(x, 0);
            gn.CopyTo(g, 0);
            fx = fn;
            onIteration?.Invoke(it, fx);
            if (alpha * dmax < settings.MinimumStepLength)
            {
                reason = "minimum step length";
                it++;
                break;
            }

            flat = decrease < settings.RelativeTolerance ? flat + 1 : 0;
            if (flat >= 3)
            {
                reason = "converged";
                it++;
                break;
            }
        }

        return new OptimizationOutcome(it, evaluations, fx, reason);
    }

    /// <summary>
    /// ITK's regular-step gradient descent: step of fixed length along the normalised gradient; the length is halved
    /// whenever the gradient direction reverses.
    /// </summary>
    private static OptimizationOutcome RegularStep(
        Objective objective, double[] x, OptimiserSettings settings, int iterations, CancellationToken cancellation, Action<int, double>? onIteration)
    {
        int n = x.Length;
        var g = new double[n];
        var previous = new double[n];
        double step = settings.LearningRate;
        double fx = objective(x, g);
        int evaluations = 1, it = 0;
        string reason = "maximum iterations";
        for (; it < iterations; it++)
        {
            cancellation.ThrowIfCancellationRequested();
            double norm = OptimiserVectors.Norm(g);
            if (!(norm > 0))
            {
                reason = "zero gradient";
                break;
            }

            if (it > 0 && OptimiserVectors.Dot(g, previous) < 0)
            {
                step *= 0.5;
            }

            if (step < settings.MinimumStepLength)
            {
                reason = "minimum step length";
                break;
            }

            g.CopyTo(previous, 0);
            double scale = Math.Min(step, settings.MaximumStepLength) / norm;
            OptimiserVectors.MultiplyAdd(g, -scale, x, x);
            fx = objective(x, g);
            evaluations++;
            onIteration?.Invoke(it, fx);
        }

        return new OptimizationOutcome(it, evaluations, fx, reason);
    }
}
