using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Propagation;
using Radiomics.Longitudinal.Resampling;
using Radiomics.Longitudinal.Transforms.IO;
using Radiomics.Longitudinal.Workflows;
using Radiomics.Numerics;
using Radiomics.Synthetic;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Workflows;

/// <summary>The register + propagate workflow called directly, as a notebook or example calls it.</summary>
public class RegistrationWorkflowTests
{
    [Fact]
    public void Affine_registration_writes_the_folder_and_propagation_recovers_the_shifted_tumour()
    {
        using var tmp = new TempDirectory();
        var baseline = SyntheticScan.Create();
        var followUp = SyntheticScan.Create(new SyntheticScanSettings { Translation = new Vec3(3, -2, 1), NoiseSeed = 2 });
        ImageFile.Write(baseline.Image, tmp.File("baseline.nii.gz"));
        ImageFile.Write(baseline.Tumour, tmp.File("baseline_mask.nii.gz"));
        ImageFile.Write(followUp.Image, tmp.File("followup.nii.gz"));

        string folder = tmp.File("reg");
        var result = RegistrationWorkflow.Register(
            tmp.File("followup.nii.gz"), tmp.File("baseline.nii.gz"), folder, new RegistrationWorkflowSettings { AffineOnly = true, Parallelism = new Parallelism(2) });

        Assert.Equal(RegistrationBackend.Ours, result.Backend);
        Assert.Equal(2, result.Threads);
        Assert.Equal(
            [RegistrationFolder.DisplacementFileName, RegistrationFolder.AffineJsonFileName, RegistrationFolder.AffineItkFileName, "registration.json", "moving_resampled.nii.gz"],
            result.Files);
        Assert.All(result.Files, f => Assert.True(File.Exists(Path.Combine(folder, f)), f));
        // An affine transform has one Jacobian determinant everywhere, det A, and a shift found as an affine is near 1.
        Assert.Equal(result.Folding.MinimumJacobian, result.Folding.MaximumJacobian, 1e-4);
        Assert.InRange(result.Folding.MinimumJacobian, 0.95, 1.05);
        Assert.False(result.Folding.Folds);
        Assert.True(ImageFile.ReadHeader(Path.Combine(folder, "moving_resampled.nii.gz")).Geometry.Matches(followUp.Image.Geometry));
        var summary = result.SummaryTable();
        Assert.Equal("ours", summary[0][0]);
        Assert.Equal(result.Folding.MinimumJacobian, summary.Column("jacobian_min").Single());
        Assert.Equal(result.Registration.Levels.Count, result.LevelsTable().Count);

        var propagated = RegistrationWorkflow.Propagate(tmp.File("baseline_mask.nii.gz"), folder, tmp.File("followup.nii.gz"), tmp.File("propagated.nii.gz"));
        double dice = Overlap.Dice(propagated.Propagated, followUp.Tumour);
        Assert.True(dice > 0.9, $"Dice {dice:F3}");
        Assert.True(ImageFile.ReadLabelMap(tmp.File("propagated.nii.gz")).Geometry.Matches(followUp.Image.Geometry));
        var volumes = propagated.VolumesTable();
        Assert.Equal(["label", "volume_ml", "propagated_volume_ml"], volumes.Columns);
        // A shift keeps the tumour's volume (to the partial voxels at its edge).
        Assert.Equal((double)volumes[0][1]!, (double)volumes[0][2]!, 0.05 * (double)volumes[0][1]!);
    }

    [Fact]
    public void Options_of_our_backend_given_to_elastix_are_refused_before_any_work()
    {
        using var tmp = new TempDirectory();
        var e = Assert.Throws<InvalidInputException>(() => RegistrationWorkflow.Register(
            tmp.File("missing_fixed.nii.gz"), tmp.File("missing_moving.nii.gz"), tmp.File("reg"),
            new RegistrationWorkflowSettings { Backend = RegistrationBackend.Elastix, AffineOnly = true }));
        Assert.Contains("apply to the 'ours' backend", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(tmp.File("reg")));
    }

    [Fact]
    public void A_displacement_field_on_another_grid_is_a_geometry_error_naming_both()
    {
        using var tmp = new TempDirectory();
        var scan = SyntheticScan.Create(new SyntheticScanSettings { Size = new Size3(24, 24, 8) });
        var other = SyntheticScan.Create(new SyntheticScanSettings { Size = new Size3(20, 20, 8) });
        ImageFile.Write(scan.Image, tmp.File("fixed.nii.gz"));
        ImageFile.Write(scan.Tumour, tmp.File("mask.nii.gz"));
        ImageFile.Write(other.Image, tmp.File("other.nii.gz"));
        RegistrationWorkflow.Register(tmp.File("fixed.nii.gz"), tmp.File("fixed.nii.gz"), tmp.File("reg"), new RegistrationWorkflowSettings { AffineOnly = true });
        var e = Assert.Throws<GeometryMismatchException>(() =>
            RegistrationWorkflow.Propagate(tmp.File("mask.nii.gz"), tmp.File("reg"), tmp.File("other.nii.gz"), tmp.File("out.nii.gz"), LabelInterpolation.NearestNeighbor));
        Assert.Contains("displacement field displacement.nii.gz vs reference other.nii.gz", e.Message, StringComparison.Ordinal);
    }
}
