using System.Runtime;
using System.Text.Json;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Propagation;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Resampling;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Longitudinal.Transforms.IO;
using Radiomics.Processing;

namespace Radiomics.Longitudinal.Workflows;

/// <summary>
/// Register a moving image onto a fixed one and write the registration folder, then carry label maps through it:
/// what <c>radiomics register</c> and <c>radiomics propagate</c> run, callable the same way from a notebook.
/// </summary>
/// <remarks>
/// The folder (<see cref="RegistrationFolder"/>) holds <c>displacement.nii.gz</c> (the dense field u on the fixed grid,
/// mm, LPS; fixed point x ↔ moving point x + u(x)), the affine stage as <c>affine.json</c> and <c>affine.tfm</c>,
/// <c>moving_resampled.nii.gz</c> (the moving image on the fixed grid, for checking) and <c>registration.json</c>
/// (settings, Jacobian range, levels, timing). elastix and plastimatch keep their parameter files and logs in
/// <c>elastix/</c> or <c>plastimatch/</c>; elastix's copies of the images and its field are removed.
/// </remarks>
public static class RegistrationWorkflow
{
    /// <param name="fixedImage">Fixed image file (e.g. the follow-up): the grid of the outputs.</param>
    /// <param name="movingImage">Moving image file (e.g. the baseline).</param>
    /// <param name="output">The registration folder to write.</param>
    /// <param name="settings">Backend and its settings; defaults when null.</param>
    /// <param name="fixedMask">Only voxels of this mask (on the fixed grid) drive the metric (ours only).</param>
    /// <param name="progress">Stage and level of the registration.</param>
    /// <exception cref="InvalidInputException">Options of our backend given to an external one, or the external tool is not installed.</exception>
    public static RegistrationWorkflowResult Register(
        string fixedImage, string movingImage, string output, RegistrationWorkflowSettings? settings = null, string? fixedMask = null,
        IProgress<RegistrationProgress>? progress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fixedImage);
        ArgumentException.ThrowIfNullOrEmpty(movingImage);
        ArgumentException.ThrowIfNullOrEmpty(output);
        settings ??= new RegistrationWorkflowSettings();
        int threads = settings.Parallelism.DegreeOfParallelism;
        if (settings.GridSpacing is { } spacing && !(spacing > 0 && double.IsFinite(spacing)))
        {
            throw new InvalidInputException($"grid spacing {spacing} mm: give a finite spacing above 0.");
        }

        var method = Method(settings, output, fixedMask is not null, threads, out string? work);
        var (result, fixedGeometry, moving) = Execute(method, fixedImage, movingImage, fixedMask, progress);
        Directory.CreateDirectory(output);
        if (settings.Backend == RegistrationBackend.Elastix)
        {
            RemoveElastixCopies(work!);
        }

        var affine = settings.Backend == RegistrationBackend.Elastix ? ElastixAffineStage(work!) : RegistrationFolder.AffineStage(result.Transform);
        var parallel = settings.Parallelism;
        // The fixed image and the registration's working copies are garbage now; a 512×512×300 pair's outputs need a
        // gigabyte more, and without a collection here the runtime grows the heap instead (3.4 GiB peak, 2.3 with it).
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var field = result.DisplacementField(parallel);
        var folding = Folding.Of(DisplacementField.JacobianDeterminant(field, parallel));
        RegistrationFolder.Write(output, field, affine);
        // Through the sampled field: one trilinear lookup per voxel instead of a B-spline evaluation.
        var resampled = Resampler.Resample(moving, DisplacementFieldTransform.Adopt(field), fixedGeometry, Interpolator.Linear, 0, parallel);
        ImageFile.Write(resampled, Path.Combine(output, ResampledFileName));
        WriteRecord(Path.Combine(output, RecordFileName), fixedImage, movingImage, settings.Backend, threads, result, folding);
        IReadOnlyList<string> files = affine is null
            ? [RegistrationFolder.DisplacementFileName, RecordFileName, ResampledFileName]
            : [RegistrationFolder.DisplacementFileName, RegistrationFolder.AffineJsonFileName, RegistrationFolder.AffineItkFileName, RecordFileName, ResampledFileName];
        return new RegistrationWorkflowResult(output, settings.Backend, threads, result, folding, files);
    }

    /// <summary>The moving image resampled onto the fixed grid, in the registration folder.</summary>
    public const string ResampledFileName = "moving_resampled.nii.gz";

    /// <summary>The record of settings, Jacobian range, levels and timing, in the registration folder.</summary>
    public const string RecordFileName = "registration.json";

    /// <summary>
    /// Carries a label map drawn on the moving image onto the reference (fixed) grid and writes it.
    /// </summary>
    /// <param name="mask">Label map file on the moving image.</param>
    /// <param name="transform">A registration folder, or a transform file <see cref="TransformFile"/> reads (displacement field, ITK .tfm, elastix TransformParameters.N.txt, affine .json).</param>
    /// <param name="reference">The fixed image: the grid of the result.</param>
    /// <param name="output">The label map file to write.</param>
    /// <param name="interpolation">Per-label linear interpolation and arg-max (default) or nearest neighbour.</param>
    /// <exception cref="GeometryMismatchException">A displacement field is not on the reference grid.</exception>
    public static PropagationResult Propagate(string mask, string transform, string reference, string output, LabelInterpolation interpolation = LabelInterpolation.LinearArgMax)
    {
        ArgumentException.ThrowIfNullOrEmpty(mask);
        ArgumentException.ThrowIfNullOrEmpty(transform);
        ArgumentException.ThrowIfNullOrEmpty(reference);
        ArgumentException.ThrowIfNullOrEmpty(output);
        bool folder = Directory.Exists(transform);
        var fixedToMoving = folder ? RegistrationFolder.ReadTransform(transform) : TransformFile.Read(transform);
        var geometry = ImageFile.ReadHeader(reference).Geometry;
        if (fixedToMoving is DisplacementFieldTransform field)
        {
            // A dense field is only meaningful on the grid it was computed for.
            string fieldName = folder ? RegistrationFolder.DisplacementFileName : Path.GetFileName(transform);
            field.Geometry.EnsureMatches(geometry, $"displacement field {fieldName} vs reference {Path.GetFileName(reference)}");
        }

        var labels = ImageFile.ReadLabelMap(mask);
        var propagated = MaskPropagation.Propagate(labels, fixedToMoving, geometry, interpolation);
        ImageFile.Write(propagated, output);
        return new PropagationResult(labels, propagated, output);
    }

    private static IImageRegistration Method(
        RegistrationWorkflowSettings settings, string output, bool masked, int threads, out string? work)
    {
        work = null;
        if (settings.Backend != RegistrationBackend.Ours && (settings.AffineOnly || settings.GridSpacing is not null || masked))
        {
            throw new InvalidInputException(
                $"--affine-only, --grid-spacing and --fixed-mask apply to the 'ours' backend; with {Name(settings.Backend)}, give parameter files through the library (ElastixSettings.ParameterFiles, PlastimatchSettings.ParameterFile).");
        }

        switch (settings.Backend)
        {
            case RegistrationBackend.Elastix:
                var elastix = settings.Elastix with { NumberOfThreads = threads, WorkingDirectory = work = Path.Combine(output, "elastix") };
                return ElastixRegistration.IsAvailable(elastix.Elastix) ? new ElastixRegistration(elastix)
                    : throw new InvalidInputException("--backend elastix: the 'elastix' executable was not found on PATH; install elastix (e.g. apt-get install elastix) or use --backend ours.");
            case RegistrationBackend.Plastimatch:
                var plastimatch = settings.Plastimatch with { NumberOfThreads = threads, WorkingDirectory = work = Path.Combine(output, "plastimatch") };
                return PlastimatchRegistration.IsAvailable(plastimatch.Plastimatch) ? new PlastimatchRegistration(plastimatch)
                    : throw new InvalidInputException("--backend plastimatch: the 'plastimatch' executable was not found on PATH; install plastimatch (e.g. apt-get install plastimatch) or use --backend ours.");
            default:
                var ours = settings.Ours with
                {
                    NumberOfThreads = threads,
                    Deformable = settings.AffineOnly ? null
                        : settings.GridSpacing is { } g && settings.Ours.Deformable is { } d ? d with { GridSpacing = g } : settings.Ours.Deformable,
                };
                return new DeformableRegistration(ours);
        }
    }

    /// <summary>
    /// Reads the images and registers. The fixed image is referenced only here, so that its memory (and the
    /// registration's working copies) can be reclaimed before the gigabyte-sized outputs of a large CT pair are allocated.
    /// </summary>
    private static (RegistrationResult Result, ImageGeometry FixedGeometry, Image Moving) Execute(
        IImageRegistration method, string fixedPath, string movingPath, string? maskPath, IProgress<RegistrationProgress>? progress)
    {
        var fixedImage = ImageFile.Read(fixedPath);
        var moving = ImageFile.Read(movingPath);
        if (maskPath is not null && method is DeformableRegistration ours)
        {
            var mask = ImageFile.ReadLabelMap(maskPath);
            mask.Geometry.EnsureMatches(fixedImage.Geometry, $"fixed mask {Path.GetFileName(maskPath)} vs fixed image");
            method = new DeformableRegistration(ours.Settings) { FixedImageMask = mask };
        }

        return (method.Execute(fixedImage, moving, progress), fixedImage.Geometry, moving);
    }

    private static string Name(RegistrationBackend backend) => backend.ToString().ToLowerInvariant();

    /// <summary>
    /// Writes <c>registration.json</c> with a plain JSON writer (no reflection: serialising an anonymous type cost a small
    /// registration about 0.05 s of start-up for the serialiser's generated code).
    /// </summary>
    private static void WriteRecord(string path, string fixedPath, string movingPath, RegistrationBackend backend, int threads, RegistrationResult result, Folding folding)
    {
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartObject();
            json.WriteString("fixed", fixedPath);
            json.WriteString("moving", movingPath);
            json.WriteString("backend", Name(backend));
            json.WriteString("convention", $"{RegistrationFolder.DisplacementFileName}: u on the fixed grid in mm, LPS; fixed point x corresponds to moving point x + u(x)");
            WriteFinite(json, "metric", result.MetricValue);
            json.WriteNumber("seconds", result.Elapsed.TotalSeconds);
            json.WriteNumber("threads", threads);
            json.WriteNumber("jacobian_min", folding.MinimumJacobian);
            json.WriteNumber("jacobian_max", folding.MaximumJacobian);
            json.WriteNumber("folded_voxels", folding.FoldedVoxels);
            json.WriteNumber("folded_volume_mm3", folding.FoldedVolumeMm3);
            json.WriteNumber("folding_guard_retries", result.FoldingRetries);
            json.WriteStartArray("levels");
            foreach (var l in result.Levels)
            {
                json.WriteStartObject();
                json.WriteString("stage", l.Stage);
                json.WriteNumber("level", l.Level);
                json.WriteNumber("iterations", l.Iterations);
                WriteFinite(json, "metric", l.MetricValue);
                json.WriteNumber("seconds", l.Elapsed.TotalSeconds);
                json.WriteString("stop", l.StopReason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteFinite(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Removes elastix's copies of the images and its field from the kept working folder; the parameter files and logs stay.</summary>
    private static void RemoveElastixCopies(string work)
    {
        foreach (var copy in new[] { "fixed.nii.gz", "moving.nii.gz" }.Select(f => Path.Combine(work, f)).Concat(Directory.EnumerateFiles(work, "deformationField.*")))
        {
            File.Delete(copy);
        }
    }

    /// <summary>
    /// The affine stage of an elastix run: its first parameter file when that is a linear transform (the built-in maps
    /// run affine then B-spline).
    /// </summary>
    private static AffineTransform? ElastixAffineStage(string work)
    {
        string first = Path.Combine(work, "TransformParameters.0.txt");
        if (!File.Exists(first))
        {
            return null;
        }

        try
        {
            return ElastixTransformParameters.Read(first) is ILinearTransform linear ? linear.ToAffine() : null;
        }
        catch (TransformFileException)
        {
            return null;
        }
    }
}
