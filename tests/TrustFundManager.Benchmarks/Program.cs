using TrustFundManager.Benchmarks.Generation;

var scale = int.Parse(args.Length > 0 ? args[0] : "1000");
var dir = Path.Combine(Path.GetTempPath(), "trustfund-benchmarks");
Directory.CreateDirectory(dir);
var result = await new ScaleGenerator(scale, Console.Out).GenerateAsync(Path.Combine(dir, $"scale-{scale}.db"), CancellationToken.None);
Console.WriteLine($"{result.Elapsed.TotalSeconds:N1} s");
foreach (var row in result.Rows) Console.WriteLine($"{row.Table}: {row.Rows}");
return 0;
