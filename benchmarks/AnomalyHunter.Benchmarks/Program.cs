using AnomalyHunter.Benchmarks;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "pipeline")
{
    return await PipelineBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "detect-scale")
{
    return await AnomalyHunter.Benchmarks.DetectScale.DetectScaleBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "feedback-learning")
{
    return await FeedbackLearningBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "rolling-median-ab")
{
    return RollingMedianAbBenchmark.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "pass-score-hash")
{
    return AnomalyHunter.Benchmarks.PassCost.PassScoreHash.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "detect-ab")
{
    return await AnomalyHunter.Benchmarks.DetectScale.DetectAb.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "pca-score-hash")
{
    return await AnomalyHunter.Benchmarks.DetectScale.PcaScoreHash.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "pass-cost-ab")
{
    return AnomalyHunter.Benchmarks.PassCost.PassCostAb.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmark).Assembly).Run(args);
return 0;
