// Entry point of the benchmarks: see docs/benchmarks.md for what is measured and how to run it.
using TrustFundManager.Benchmarks;
using TrustFundManager.Benchmarks.Http;

if (HttpOnlyCommand.Matches(args)) return await HttpOnlyCommand.RunAsync(args, Console.Out, CancellationToken.None);
return await BenchmarkRun.MainAsync(args, HttpMeasurements.RunAsync);
