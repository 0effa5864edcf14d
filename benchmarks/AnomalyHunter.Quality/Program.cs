using System.CommandLine;
using AnomalyHunter.Quality.Demo;
using AnomalyHunter.Quality.Harness;
using AnomalyHunter.Quality.Nab;
using AnomalyHunter.Quality.Synthetic;
using AnomalyHunter.Synthetic.Options;

var dataOption = new Option<string?>("--data") { Description = "Dataset folder (default: shared/datasets/<name> found above the working directory)." };
var detectorOption = new Option<string>("--detector") { Description = "Detector: ensemble, statistical, robust-z, novelty or zscore-reference (NAB only).", DefaultValueFactory = _ => "ensemble" };
var setOption = new Option<string[]>("--set") { Description = "Option override Name=Value, repeatable.", DefaultValueFactory = _ => [], AllowMultipleArgumentsPerToken = true };
var perFileOption = new Option<bool>("--per-file") { Description = "Also print one line per file, with its windows, detections and false positives at the standard threshold." };
var bootstrapOption = new Option<int>("--bootstrap") { Description = "Also resample the files this many times (seeded, with replacement) and print the mean and spread of each profile's score.", DefaultValueFactory = _ => 0 };
var dumpOption = new Option<string?>("--dump") { Description = "Also write one CSV of row, value, score and window flag per file into this folder." };

var nab = new Command("nab", "Score the nab-open corpus (NAB v1.1 rules) in daily batches.");
nab.Options.Add(dataOption);
nab.Options.Add(detectorOption);
nab.Options.Add(setOption);
nab.Options.Add(perFileOption);
nab.Options.Add(dumpOption);
nab.Options.Add(bootstrapOption);
nab.SetAction(r => NabCommand.Run(
    r.GetValue(dataOption) ?? NabCorpus.Locate() ?? throw new DirectoryNotFoundException("nab-open not found; pass --data."),
    r.GetValue(detectorOption)!,
    r.GetValue(setOption) ?? [],
    r.GetValue(perFileOption),
    r.GetValue(dumpOption),
    r.GetValue(bootstrapOption)));

var demo = new Command("demo", "Check the anomaly-hunter-demo criteria per file.");
demo.Options.Add(dataOption);
demo.Options.Add(detectorOption);
demo.Options.Add(setOption);
demo.SetAction(r => DemoCommand.Run(
    r.GetValue(dataOption) ?? DemoCorpus.Locate() ?? throw new DirectoryNotFoundException("anomaly-hunter-demo not found; pass --data."),
    r.GetValue(detectorOption)!,
    r.GetValue(setOption) ?? []));

var batchOption = new Option<string>("--batch") { Description = "Replay batch length (TimeSpan).", DefaultValueFactory = _ => "1.00:00:00" };
var backtest = new Command("nab-backtest", "Score nab-open through the product: backtest (ingest + detect in daily batches), then the NAB rules.");
backtest.Options.Add(dataOption);
backtest.Options.Add(detectorOption);
backtest.Options.Add(setOption);
backtest.Options.Add(perFileOption);
backtest.Options.Add(batchOption);
backtest.SetAction((r, _) => BacktestNabCommand.RunAsync(
    r.GetValue(dataOption) ?? NabCorpus.Locate() ?? throw new DirectoryNotFoundException("nab-open not found; pass --data."),
    r.GetValue(detectorOption)!,
    r.GetValue(setOption) ?? [],
    r.GetValue(perFileOption),
    r.GetValue(batchOption)!));

var seedOption = new Option<long>("--seed") { Description = "Seed of the synthetic data.", DefaultValueFactory = _ => SyntheticOptions.DefaultSeed };
var daysOption = new Option<int>("--days") { Description = "Days of synthetic data (at least 8).", DefaultValueFactory = _ => SyntheticOptions.DefaultDays };
var thresholdOption = new Option<double?>("--threshold") { Description = "Detect threshold (default: the product's, Detect:Threshold)." };
var configOption = new Option<string[]>("--set") { Description = "Configuration override Key=Value (e.g. Detect:MergeGap=5), repeatable.", DefaultValueFactory = _ => [], AllowMultipleArgumentsPerToken = true };
var detailsOption = new Option<bool>("--details") { Description = "Also print where the false windows come from and which labels were missed." };
var targetOption = new Option<double>("--target") { Description = "Recall per kind and overall precision needed to pass.", DefaultValueFactory = _ => 0.9 };
var synthetic = new Command("synthetic", "Run the CLI demo pipeline (synthetic series, daily ingest + detect) at the product configuration and print recall and precision per anomaly kind.");
synthetic.Options.Add(seedOption);
synthetic.Options.Add(daysOption);
synthetic.Options.Add(thresholdOption);
synthetic.Options.Add(configOption);
synthetic.Options.Add(detailsOption);
synthetic.Options.Add(targetOption);
synthetic.SetAction((r, ct) => SyntheticCommand.RunAsync(
    r.GetValue(seedOption),
    r.GetValue(daysOption),
    r.GetValue(thresholdOption),
    r.GetValue(configOption) ?? [],
    r.GetValue(detailsOption),
    r.GetValue(targetOption),
    ct));

var root = new RootCommand("Detection-quality harness: NAB scores, demo-dataset criteria and synthetic recall/precision per kind.");
root.Subcommands.Add(nab);
root.Subcommands.Add(demo);
root.Subcommands.Add(backtest);
root.Subcommands.Add(synthetic);
return await root.Parse(args).InvokeAsync();
