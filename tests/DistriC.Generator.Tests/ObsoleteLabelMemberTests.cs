using System.Linq;
using System.Reflection;

namespace DistriC.Generator.Tests;

/// <summary>
/// A label enum may carry obsolete members: the generated code names them (a switch over the members when the
/// values have gaps), which is not a use by the consumer and must not fail a build that treats warnings as errors.
/// </summary>
public sealed class ObsoleteLabelMemberTests
{
    private const string Source = """
        using System;
        using DistriC;

        namespace Plans
        {
            public enum Tier
            {
                Free = 1,
                [Obsolete] Legacy = 5,
                [Obsolete("Use Pro.")] Gold = 7,
                Pro = 10,
            }

            [Metric(MetricKind.Counter, "plan_signups_total", Help = "Sign-ups by tier.")]
            [Label<Tier>("tier")]
            public sealed partial class PlanSignups;

            public static class Scenario
            {
                public static DistricStatus Run(MetricRegistry registry) => new PlanSignups(registry).Inc(Tier.Pro);
            }
        }
        """;

    [Fact]
    public void A_gapped_label_enum_with_obsolete_members_compiles_warning_free_as_errors()
    {
        Assembly consumer = GeneratorHarness.Metrics.BuildAndLoad(Source);
        var registry = new MetricRegistry();

        object? status = GeneratorHarness.Call(consumer, "Plans.Scenario", "Run", registry);

        Assert.Equal(DistricStatus.Ok, status);
        Assert.Contains("plan_signups_total{tier=\"Pro\"} 1\n", registry.ExportText(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_switch_names_the_obsolete_members()
    {
        (_, var driver) = GeneratorHarness.Metrics.Run(GeneratorHarness.Metrics.Compilation(Source));

        string generated = GeneratorHarness.Generated(driver).Single(g => g.Key == "Plans.PlanSignups.Metric.g.cs").Value;

        // The case this guards: without the shared header's pragma, these lines are CS0612 and CS0618.
        Assert.Contains("global::Plans.Tier.Legacy =>", generated, System.StringComparison.Ordinal);
        Assert.Contains("global::Plans.Tier.Gold =>", generated, System.StringComparison.Ordinal);
    }
}
