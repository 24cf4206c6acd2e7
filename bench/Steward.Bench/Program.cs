using BenchmarkDotNet.Running;

namespace Steward.Bench;

public static class BenchProgram
{
    // dotnet run -c Release --project bench/Steward.Bench -- --filter '*'
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
}
