namespace DistriC.Package.Tests;

/// <summary>
/// Program.cs of a net8.0 consumer on C# 12 that binds a real <c>Meter</c> instrument by declaration
/// (<c>[MeterInstrument]</c>/<c>[MeterTag]</c>, as the README shows) and prints the bridged series.
/// </summary>
internal static class BindingConsumerSource
{
    public const string Program = """
        using System.Diagnostics.Metrics;
        using DistriC;

        namespace Consumer;

        public enum PaymentOutcome { [LabelValue("ok")] Ok, [LabelValue("failed")] Failed }

        [MeterInstrument("Shop.Payments", "payments.processed", MetricKind.Counter, Unit = "{payment}")]
        [MeterTag("payment.method", "card", "sepa", CatchAll = "_OTHER")]
        [MeterTag<PaymentOutcome>("outcome")]
        public sealed partial class PaymentsProcessed;

        public static class Program
        {
            public static int Main()
            {
                var registry = new MetricRegistry();
                using var bridge = new MeterBridge(registry, new MeterBridgeOptions().AddBinding(new PaymentsProcessed()));
                bridge.Start();
                using var meter = new Meter("Shop.Payments");
                Counter<long> payments = meter.CreateCounter<long>("payments.processed", "{payment}", "Payments processed");
                payments.Add(2, new("payment.method", "card"), new("outcome", "ok"), new("customer.id", "c-17"));
                payments.Add(1, new("payment.method", "paypal"), new("outcome", PaymentOutcome.Failed));
                payments.Add(1, new("payment.method", "card"), new("outcome", "pending"));
                Console.WriteLine($"cardinality={PaymentsProcessed.Cardinality} bridged={bridge.BridgedInstruments}");
                foreach (string line in registry.ExportText().Split('\n'))
                {
                    if (line.StartsWith("payments_processed_total{", StringComparison.Ordinal) || line.Contains("reason=\"invalid_label\"", StringComparison.Ordinal))
                    {
                        Console.WriteLine(line);
                    }
                }

                return 0;
            }
        }
        """;

    /// <summary>What the program prints.</summary>
    public const string ExpectedOutput = """
        cardinality=6 bridged=1
        distric_internal_metric_updates_dropped_total{reason="invalid_label"} 1
        payments_processed_total{payment_method="card",outcome="ok"} 2
        payments_processed_total{payment_method="card",outcome="failed"} 0
        payments_processed_total{payment_method="sepa",outcome="ok"} 0
        payments_processed_total{payment_method="sepa",outcome="failed"} 0
        payments_processed_total{payment_method="_OTHER",outcome="ok"} 0
        payments_processed_total{payment_method="_OTHER",outcome="failed"} 1

        """;
}
