// Entry point of the benchmarks: see docs/benchmarks.md for what is measured and how to run it.
using TrustFundManager.Benchmarks;
using TrustFundManager.Benchmarks.Http;

return await BenchmarkRun.MainAsync(args, HttpRunner());

// The loopback HTTP measurements, wired here once they are merged: return HttpMeasurements.RunAsync.
// Until then the HTTP columns of the report say "not measured".
static Func<string, HttpMeasurementOptions, TextWriter, CancellationToken, Task<HttpFigures>>? HttpRunner() => null;
