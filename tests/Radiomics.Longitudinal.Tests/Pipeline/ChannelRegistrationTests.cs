using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Study;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Pipeline;

/// <summary>The default registration of a visit's channels to its reference channel (T2 ← ADC, translation, Mattes MI).</summary>
public class ChannelRegistrationTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData(3.0, 0.0, 0.0)]
    [InlineData(0.0, 0.0, -3.0)]
    [InlineData(0.0, 0.0, 0.0)]
    public void Default_channel_registration_recovers_a_planted_shift_of_the_ADC_channel(double x, double y, double z)
    {
        using var tmp = new TempDirectory();
        var shift = new Vec3(x, y, z);
        var settings = new SyntheticMultiChannelCohortSettings { Subjects = 1, FollowUps = 0, FieldOfView = new Vec3(80, 80, 56), AdcMisregistration = shift, Seed = 3 };
        SyntheticMultiChannelCohort.Write(settings, tmp.Path);
        var t2 = ImageFile.Read<float>(tmp.File("P01_t0_T2.nii.gz"));
        var adc = ImageFile.Read<float>(tmp.File("P01_t0_ADC.nii.gz"));

        var transform = VisitChannels.Register(t2, adc, new StudySettings().ChannelRegistration, default);

        // The ADC's content lies `shift` further along than its header says: T2 point p shows in the ADC at p + shift.
        foreach (var p in new[] { Vec3.Zero, new Vec3(20, 0, 0), new Vec3(0, -20, 10), new Vec3(-15, 15, -10) })
        {
            var error = transform.TransformPoint(p) - p - shift;
            output.WriteLine($"at {p}: error {error} ({error.Norm:F3} mm)");
            Assert.True(error.Norm < 0.25, $"at {p}: found {transform.TransformPoint(p) - p}, planted {shift} (error {error.Norm:F2} mm)");
        }
    }
}
