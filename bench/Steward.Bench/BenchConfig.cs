using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Steward.Bench;

/// <summary>
/// Runs in process (the databases are built once and reused) with few, long iterations: these are
/// load scenarios over 100,000 accounts or a million rows, not micro-benchmarks. Reports the
/// ratio to the baseline measured in the same run, and the 95th percentile.
/// </summary>
public class ScenarioConfig : ManualConfig
{
    protected ScenarioConfig(int warmups, int iterations)
    {
        AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(2), logOutput: true)).WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(warmups).WithIterationCount(iterations));
        AddColumn(StatisticColumn.P95);
    }
}

/// <summary>Seconds per iteration (rescoring the portfolio).</summary>
public sealed class LoadScenarioConfig() : ScenarioConfig(warmups: 1, iterations: 5);

/// <summary>Many seconds per iteration (a million-row import).</summary>
public sealed class LongScenarioConfig() : ScenarioConfig(warmups: 0, iterations: 3);

/// <summary>Quick queries measured many times, so the 95th percentile means something.</summary>
public sealed class QueryScenarioConfig() : ScenarioConfig(warmups: 3, iterations: 40);
