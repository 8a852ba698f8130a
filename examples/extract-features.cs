#:project ../src/Radiomics.Core/Radiomics.Core.csproj
#:property PublishAot=false
// IBSI features of one tumour: dotnet run examples/extract-features.cs [-- IMAGE MASK [PRESET]]
// Without arguments it makes a synthetic CT-like scan with a heterogeneous tumour. PRESET names the settings
// (ct-default, mr-default, pet-suv or an IBSI configuration; default ibsi-config-C, which assumes CT in HU).
using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Synthetic;

Image image;
LabelMap mask;
string preset = args.Length == 3 ? args[2] : FeaturePresets.ConfigCName;
if (args.Length is 2 or 3)
{
    image = ImageFile.Read(args[0]);
    mask = ImageFile.ReadLabelMap(args[1]);
}
else
{
    var scan = SyntheticScan.Create(new SyntheticScanSettings());
    (image, mask) = (scan.Image, scan.Tumour);
}

var table = FeatureExtractor.Extract(image, mask, FeaturePresets.Get(preset));
Console.WriteLine(table.ToString(15));
Console.WriteLine($"Mesh volume {table.Value("RNU0") / 1000:F1} mL, mean {table.Value("Q4LE"):F1} {FeaturePresets.IntensityUnit(preset)}");
table.WithSubject("example").WriteCsv("out/features.csv");
Console.WriteLine("Wrote out/features.csv");
