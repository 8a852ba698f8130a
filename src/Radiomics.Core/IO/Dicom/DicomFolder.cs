using Radiomics.Numerics;

namespace Radiomics.IO.Dicom;

/// <summary>Finds the DICOM files under a folder and reads their headers (never their pixel data), in parallel.</summary>
public static class DicomFolder
{
    /// <summary>True for a file that starts like DICOM (preamble and "DICM") or is named *.dcm.</summary>
    public static bool IsDicomFile(string path) =>
        DicomFile.HasPart10Signature(path) || path.EndsWith(".dcm", StringComparison.OrdinalIgnoreCase);

    /// <summary>The headers of every DICOM file under <paramref name="folder"/>, with the files that could not be read.</summary>
    public static (IReadOnlyList<DicomFile> Files, IReadOnlyList<ImageFileException> Unreadable) ScanHeaders(string folder, bool recursive, int parallelism = 0)
    {
        var paths = Directory.EnumerateFiles(folder, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(p => !Path.GetFileName(p).StartsWith('.') && MayHoldData(p))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var files = new DicomFile?[paths.Length];
        var errors = new ImageFileException?[paths.Length];
        ParallelRows.For(0, paths.Length, new Parallelism(parallelism), i =>
        {
            try
            {
                files[i] = DicomFile.OpenHeader(paths[i]);
            }
            catch (ImageFileException e) when (e.Problem == ImageFileProblem.BadMagic && !paths[i].EndsWith(".dcm", StringComparison.OrdinalIgnoreCase))
            {
                // Not DICOM (a README, a NIfTI beside the series): not part of any series.
            }
            catch (ImageFileException e)
            {
                errors[i] = e;
            }
            catch (IOException e)
            {
                errors[i] = new ImageFileException(paths[i], ImageFileProblem.NotFound, e.Message, e);
            }
        });
        return (files.OfType<DicomFile>().ToArray(), errors.OfType<ImageFileException>().ToArray());
    }

    /// <summary>
    /// False for FIFOs, sockets, devices, empty files and links to folders, judged as the image readers judge them
    /// (<see cref="VoxelBuffer.EnsureRegularFile"/>): opening a FIFO blocks until a writer appears, so a folder
    /// holding one (as /tmp often does) would hang the scan.
    /// </summary>
    private static bool MayHoldData(string path)
    {
        try
        {
            VoxelBuffer.EnsureRegularFile(path);
            return true;
        }
        catch (ImageFileException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
