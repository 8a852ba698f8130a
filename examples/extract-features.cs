#:project ../src/Radiomics.Core/Radiomics.Core.csproj
#:property PublishAot=false
// IBSI features of one tumour: dotnet run examples/extract-features.cs [-- IMAGE MASK]
// Without arguments it makes a synthetic CT-like scan with a heterogeneous tumour.
using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Synthetic;

Image image;
LabelMap mask;
if (args.Length == 2)
{
    image = ImageFile.Read(args[0]);
    mask = ImageFile.ReadLabelMap(args[1]);
}
else
{
    var scan = SyntheticScan.Create(new SyntheticScanSettings());
    (image, mask) = (scan.Image, scan.Tumour);
}

var table = FeatureExtractor.Extract(image, mask, FeaturePresets.ConfigC);
Console.WriteLine(table.ToString(15));
Console.WriteLine($"Mesh volume {table.Value("RNU0") / 1000:F1} mL, mean {table.Value("Q4LE"):F1} HU");
table.WithSubject("example").WriteCsv("out/features.csv");
Console.WriteLine("Wrote out/features.csv");
