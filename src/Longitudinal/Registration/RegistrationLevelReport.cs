using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Registration;

/// <summary>What one pyramid level of one stage did.</summary>
public sealed record RegistrationLevelReport(
    string Stage, int Level, Size3 FixedSize, Vec3 FixedSpacing, int Iterations, int Evaluations, double MetricValue, string StopReason, TimeSpan Elapsed);
