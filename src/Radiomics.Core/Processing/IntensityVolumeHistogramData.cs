namespace Radiomics.Processing;

/// <summary>
/// The input of the intensity-volume histogram (IBSI 1, "Intensity-volume histogram features"): the discretised ROI
/// intensities X_d,gl, the discretisation interval w_d and the total range G = [<see cref="Minimum"/>, <see cref="Maximum"/>].
/// </summary>
public sealed record IntensityVolumeHistogramData(double[] Values, double Interval, double Minimum, double Maximum);
