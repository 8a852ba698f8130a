namespace Radiomics.Plotting.Tests.Schema;

/// <summary>One figure per trace type with most attributes the figure model offers set, for the schema tests.</summary>
internal static class TraceExamples
{
    private static readonly double[] X = [1, 2, 3];
    private static readonly double[] Y = [4, 5, double.NaN];
    private static readonly double[][] Z = [[1, 2, 3], [4, 5, 6]];
    private static readonly ColorBar Bar = new() { Title = "HU", Len = 0.8, Thickness = 12, X = 1.02, Y = 0.5, TickVals = [0, 1], TickText = ["a", "b"] };
    private static readonly Marker FullMarker = new()
    {
        Color = new[] { 0.1, 0.5, 0.9 },
        Size = 8,
        Symbol = "circle",
        Opacity = 0.8,
        Colorscale = "Viridis",
        ShowScale = true,
        CMin = 0,
        CMax = 1,
        ColorBar = Bar,
        Line = new Line { Color = "black", Width = 1 },
    };

    public static IReadOnlyDictionary<string, Figure> ByTraceType { get; } = new Dictionary<string, Figure>
    {
        ["heatmap"] = Chart.Heatmap(Z, x: new[] { "a", "b", "c" }, y: new[] { 0.0, 1.0 }, colorscale: Colorscale.Discrete(["#000", "#f00", "#0f0"])).AddTraces(
        [
            new HeatmapTrace
            {
                Z = Z, X0 = 0, DX = 0.5, Y0 = 10, DY = 2, Colorscale = "Greys", ReverseScale = true, ZMin = 0, ZMax = 6, ZMid = 3,
                ShowScale = true, ColorBar = Bar, Text = [["a", "b", "c"], ["d", "e", "f"]], TextTemplate = "%{z:.1f}",
                HoverOnGaps = false, ZSmooth = false, XGap = 1, YGap = 1, Name = "h", Visible = true, ShowLegend = false,
                LegendGroup = "g", Opacity = 0.9, HoverTemplate = "%{z}<extra></extra>", XAxis = "x", YAxis = "y",
            },
        ]),
        ["scatter"] = Chart.Scatter(X, Y, ScatterMode.Lines | ScatterMode.Markers, "s").AddTraces(
        [
            new ScatterTrace
            {
                X = X, Y = Y, Mode = ScatterMode.Lines | ScatterMode.Markers | ScatterMode.Text, Marker = FullMarker,
                Line = new Line { Color = "red", Width = 2, Dash = LineDash.Dash, Shape = LineShape.Spline },
                Text = new[] { "a", "b", "c" }, TextPosition = TextPosition.TopCentre,
                ErrorY = new ErrorBars { Array = [0.1, 0.2, 0.3], ArrayMinus = [0.1, 0.1, 0.1], Symmetric = false, Visible = true, Color = "gray" },
                Fill = FillMode.ToZeroY, FillColor = "rgba(0,0,0,0.1)", ConnectGaps = true, Visible = true, LegendGroup = "legendonly",
            },
        ]),
        ["scatter3d"] = Chart.Scatter3D(X, X, X).AddTraces(
        [
            new Scatter3DTrace
            {
                X = X, Y = X, Z = X, Mode = ScatterMode.Markers, Text = new[] { "a", "b", "c" }, Scene = "scene",
                Marker = FullMarker with { Opacity = 0.5, Symbol = "square" }, Line = new Line { Color = "blue", Width = 3 },
            },
        ]),
        ["bar"] = Chart.Bar(new[] { "a", "b" }, new[] { 1.0, -2.0 }).AddTraces(
        [
            new BarTrace
            {
                X = new[] { 1.0, -2.0 }, Y = new[] { "a", "b" }, Orientation = Orientation.Horizontal, Marker = new Marker { Color = new[] { "red", "blue" } },
                Text = new[] { "+1", "-2" }, TextPosition = BarTextPosition.Outside, Base = 0, Width = 0.5,
            },
        ]).WithLayout(l => l with { BarMode = BarMode.Group }),
        ["box"] = Chart.Box([1, 2, 3, 10], x: new[] { "a", "a", "b", "b" }).AddTraces(
        [
            new BoxTrace
            {
                Y = new[] { 1.0, 2, 3, 10 }, BoxPoints = "all", BoxMean = "sd", Jitter = 0.3, PointPos = -1.8,
                Marker = new Marker { Color = "green", Size = 4 }, Line = new Line { Color = "black", Width = 1 }, FillColor = "white", Orientation = Orientation.Vertical,
            },
            new BoxTrace { X = new[] { 1.0, 2 }, Orientation = Orientation.Horizontal, BoxPoints = false, BoxMean = true },
        ]).WithLayout(l => l with { BoxMode = BoxMode.Group }),
        ["violin"] = Chart.Violin([1, 2, 3, 4, 9]).AddTraces(
        [
            new ViolinTrace
            {
                Y = new[] { 1.0, 2, 3, 4, 9 }, X = new[] { "a", "a", "a", "a", "a" }, Box = new ViolinBox { Visible = true, Width = 0.2 },
                MeanLine = new ViolinMeanLine { Visible = true }, Points = "outliers", Side = ViolinSide.Positive, SpanMode = ViolinSpan.Hard,
                Jitter = 0.1, PointPos = 0, Marker = new Marker { Color = "gray" }, Line = new Line { Color = "black", Width = 1 },
                FillColor = "lightblue", ScaleGroup = "g", Orientation = Orientation.Vertical,
            },
        ]).WithLayout(l => l with { ViolinMode = BoxMode.Overlay }),
        ["sankey"] = Chart.Sankey(["a", "b", "c"], [0, 0], [1, 2], [5, 3]).AddTraces(
        [
            new SankeyTrace
            {
                Node = new SankeyNode { Label = ["a", "b", "c"], Color = new[] { "red", "green", "blue" }, Pad = 15, Thickness = 20, X = [0.1, 0.9, 0.9], Y = [0.5, 0.2, 0.8] },
                Link = new SankeyLink { Source = [0, 0], Target = [1, 2], Value = [5, 3], Color = "rgba(0,0,0,0.2)", Label = ["ab", "ac"] },
                Orientation = Orientation.Horizontal, Arrangement = SankeyArrangement.Snap, ValueFormat = ".1f", ValueSuffix = " mL", Domain = new Domain { X = [0, 1], Y = [0, 1] },
            },
        ]),
        ["isosurface"] = Chart.Isosurface([0, 1, 0, 1, 0, 1, 0, 1], [0, 0, 1, 1, 0, 0, 1, 1], [0, 0, 0, 0, 1, 1, 1, 1], [0, 1, 2, 3, 4, 5, 6, 7], 1, 6)
            .AddTraces(
            [
                new IsosurfaceTrace
                {
                    X = [0, 1], Y = [0, 1], Z = [0, 1], Value = [0, 1], IsoMin = 0, IsoMax = 1,
                    Surface = new IsoSurfaces { Count = 3, Fill = 0.8, Show = true }, Caps = new IsoCaps { X = new IsoCap { Show = false, Fill = 1 } },
                    Colorscale = "Jet", ShowScale = true, CMin = 0, CMax = 1, ColorBar = Bar, FlatShading = true, Scene = "scene",
                },
            ]).WithScene(new Scene
            {
                XAxis = new SceneAxis { Title = "x (mm)", Range = [0, 1], ShowGrid = true, Visible = true },
                YAxis = new SceneAxis { Title = "y (mm)", AutoRange = "reversed" },
                ZAxis = new SceneAxis { Title = "z (mm)" },
                AspectMode = AspectMode.Data,
                Domain = new Domain { X = [0, 1], Y = [0, 1] },
            }),
        ["volume"] = Chart.Volume([0, 1], [0, 1], [0, 1], [0, 1], 0, 1).AddTraces(
        [
            new VolumeTrace
            {
                X = [0, 1], Y = [0, 1], Z = [0, 1], Value = [0, 1], IsoMin = 0, IsoMax = 1, Opacity = 0.1,
                OpacityScale = new double[][] { [0, 0], [1, 1] }, Surface = new IsoSurfaces { Count = 10 }, Caps = IsoCaps.None,
            },
        ]),
        ["surface"] = Chart.Surface(Z, x: new[] { 0.0, 1, 2 }, y: new[] { 0.0, 1 }, colorscale: "RdBu").AddTraces(
        [
            new SurfaceTrace { Z = Z, SurfaceColor = Z, Colorscale = "RdBu", ShowScale = false, CMin = 0, CMax = 6, ColorBar = Bar },
        ]),
    };

    /// <summary>Layout, frames and config attributes the model offers, all set.</summary>
    public static Figure FullLayout { get; } = Chart.Grid(1, 2, Chart.Heatmap(Z).WithTitle("left"), Chart.Line(X, Y).WithTitle("right"))
        .WithLayout(l => l with
        {
            Title = new Title("Everything") { Font = new Font { Family = "Arial", Size = 14, Color = "#333" } },
            Width = 800,
            Height = 400,
            AutoSize = false,
            Margin = new Margin { L = 40, R = 10, T = 40, B = 40 },
            Font = new Font { Size = 12 },
            ShowLegend = true,
            Legend = new Legend { Orientation = Orientation.Horizontal, X = 0, Y = -0.2, Title = "Legend" },
            XAxis = new Axis
            {
                Title = "x (mm)", Type = AxisType.Linear, Range = [0, 1], AutoRange = "reversed", ScaleAnchor = "y", ScaleRatio = 1,
                Constrain = AxisConstrain.Domain, Domain = [0, 0.45], Anchor = "y", ShowGrid = false, ZeroLine = false, ShowTickLabels = true,
                TickFormat = ".1f", TickAngle = 45, Ticks = TickPlacement.Outside, Visible = true,
            },
            Grid = new LayoutGrid { Rows = 1, Columns = 2, Pattern = GridPattern.Independent, RowOrder = GridRowOrder.TopToBottom, XGap = 0.1, YGap = 0.1 },
            Sliders =
            [
                new Slider
                {
                    Steps = [SliderStep.Animate("0", "slice 0"), new SliderStep("1", "restyle", [new Dictionary<string, object> { ["visible"] = new[] { true } }]) { Value = "1" }],
                    Active = 0, CurrentValue = new CurrentValue { Prefix = "z = ", Suffix = " mm", Visible = true, XAnchor = HorizontalAnchor.Left },
                    Pad = new Padding { T = 50, B = 10, L = 0, R = 0 }, Len = 0.9, X = 0.1, Y = 0, XAnchor = HorizontalAnchor.Left, YAnchor = VerticalAnchor.Top,
                },
            ],
            UpdateMenus =
            [
                new UpdateMenu
                {
                    Type = MenuType.Buttons, Direction = MenuDirection.Left, ShowActive = true, Active = 0, X = 0, Y = 0, XAnchor = HorizontalAnchor.Right, YAnchor = VerticalAnchor.Top,
                    Pad = new Padding { R = 10 }, Buttons = [new MenuButton("Play", "animate", [null, AnimationOptions.Immediate with { FromCurrent = true }])],
                },
            ],
            HoverMode = "closest",
            PaperBackgroundColor = "white",
            PlotBackgroundColor = "#eee",
        })
        .WithFrames([new Frame("0", [new HeatmapTrace { Z = Z }]) { Traces = [0], Group = "slices", Layout = new Layout { Title = "frame 0" } }])
        .WithConfig(new Config
        {
            Responsive = true, DisplayLogo = false, DisplayModeBar = "hover", ScrollZoom = true, StaticPlot = false,
            ToImageButtonOptions = new ImageExportOptions { Format = "png", FileName = "figure", Scale = 2 },
        });
}
