// Entry point of the benchmarks: see docs/benchmarks.md for what is measured and how to run it.
Console.WriteLine("TrustFundManager benchmarks: not yet implemented.");
return 0;
