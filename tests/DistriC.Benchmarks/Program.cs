using BenchmarkDotNet.Running;

namespace DistriC.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project tests/DistriC.Benchmarks -- --filter '*'</c> for BenchmarkDotNet, or
/// <c>-- --request-cost [requests]</c> for the loopback request-cost comparison (<see cref="RequestCost.RequestCostRun"/>).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (!RequestCost.RequestCostRun.TryRun(args))
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
