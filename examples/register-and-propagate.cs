#:project ../src/Longitudinal/Radiomics.Longitudinal.csproj
#:property PublishAot=false
// Register a follow-up with its baseline and carry the baseline mask over:
// dotnet run examples/register-and-propagate.cs [-- FOLLOWUP BASELINE BASELINE_MASK]
// Without arguments it makes a synthetic pair: the patient repositioned and the tumour shrunk by 30 %.
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Propagation;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Resampling;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Synthetic;

Image followUp, baseline;
LabelMap baselineMask;
if (args.Length == 3)
{
    (followUp, baseline, baselineMask) = (ImageFile.Read(args[0]), ImageFile.Read(args[1]), ImageFile.ReadLabelMap(args[2]));
}
else
{
    var before = SyntheticScan.Create(new SyntheticScanSettings());
    var after = SyntheticScan.Create(new SyntheticScanSettings { VolumeScale = 0.7, RotationDegrees = 3, Translation = new Vec3(3, -2, 1), NoiseSeed = 2 });
    (followUp, baseline, baselineMask) = (after.Image, before.Image, before.Tumour);
}

// SimpleITK's vocabulary: the follow-up is the fixed image, the baseline the moving one, so the transform maps
// follow-up points to baseline points and baseline masks are pulled onto the follow-up grid.
var registration = new DeformableRegistration(new DeformableRegistrationSettings());
string last = "";
var result = registration.Execute(followUp, baseline, new Progress<RegistrationProgress>(p =>
{
    string step = $"{p.Stage} level {p.Level + 1}/{p.LevelCount}";
    if (step != last)
    {
        Console.WriteLine(last = step);
    }
}));
Console.WriteLine($"Registered in {result.Elapsed.TotalSeconds:F1} s, metric {result.MetricValue:F4}");

var propagated = MaskPropagation.Propagate(baselineMask, result.Transform, followUp.Geometry, LabelInterpolation.LinearArgMax);
var jacobian = DisplacementField.JacobianDeterminant(result.Transform, followUp.Geometry);
double voxel = followUp.Geometry.VoxelVolume;
Console.WriteLine($"Tumour {baselineMask.Count(1) * baseline.Geometry.VoxelVolume / 1000:F1} mL at baseline, {propagated.Count(1) * voxel / 1000:F1} mL propagated");
Console.WriteLine($"Jacobian determinant range {jacobian.Range().Min:F2} … {jacobian.Range().Max:F2} (> 0: no folding)");

ImageFile.Write(propagated, "out/propagated_mask.nii.gz");
ImageFile.Write(result.DisplacementField(), "out/displacement.nii.gz");
Console.WriteLine("Wrote out/propagated_mask.nii.gz and out/displacement.nii.gz (mm, LPS; fixed point x ↦ moving point x + u(x))");
