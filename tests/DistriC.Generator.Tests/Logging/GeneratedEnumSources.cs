using Microsoft.CodeAnalysis;

namespace DistriC.Generator.Tests.Logging;

/// <summary>
/// A consumer whose <c>[LogEvent]</c> parameters are typed by enums other generators make: the nested label enums
/// of a <c>[Metric]</c> class, and enums of <see cref="OtherEnumGenerator"/> (sparse, negative, aliased,
/// <c>[Flags]</c>, byte/short/ulong-based).
/// </summary>
internal static class GeneratedEnumSources
{
    public const string Consumer = """
        using System;
        using DistriC;

        namespace Sample
        {
            [Metric(MetricKind.Counter, "sample_requests_total", Help = "Requests served")]
            [Label("method", "GET", "POST")]
            [Label("status", "2xx", "5xx")]
            public sealed partial class SampleRequests;

            public static partial class EnumLog
            {
                [LogEvent(LogLevel.Info, "http", "Request")]
                public static partial void Request(this JsonLogger logger, SampleRequests.Method method, SampleRequests.Status status, SampleRequests.Method? previous);

                [LogEvent(LogLevel.Warn, "other", "Other")]
                public static partial DistricStatus Other(this JsonLogger logger, Region region, Access access, Big big, Region? maybe);
            }

            public static class EnumAllocationProbe
            {
                /// <summary>Bytes allocated on this thread by 1000 calls of each method (after a warm-up that builds the name tables).</summary>
                public static long Measure(JsonLogger logger)
                {
                    for (int i = 0; i < 2; i++)
                    {
                        long before = GC.GetAllocatedBytesForCurrentThread();
                        for (int n = 0; n < 1000; n++)
                        {
                            logger.Request((SampleRequests.Method)(n % 3), SampleRequests.Status._2xx, n % 2 == 0 ? null : SampleRequests.Method.POST);
                            logger.Other((Region)(n % 9 - 4), (Access)(n & 0xFF), (Big)n, n % 2 == 0 ? null : Region.South);
                        }

                        if (i == 1)
                        {
                            return GC.GetAllocatedBytesForCurrentThread() - before;
                        }
                    }

                    return -1;
                }
            }
        }
        """;

    /// <summary>The enums <see cref="OtherEnumGenerator"/> makes, also usable as a plain source file (so the generator sees them).</summary>
    public const string OtherEnums = """
        namespace Sample
        {
            /// <summary>Sparse and negative, with an alias.</summary>
            public enum Region : short
            {
                /// <summary>-3.</summary>
                West = -3,
                /// <summary>7.</summary>
                East = 7,
                /// <summary>Alias of East: the first declared name wins.</summary>
                Alias = 7,
                /// <summary>1000.</summary>
                South = 1000,
            }

            /// <summary>Flags over a byte, with a bit above sbyte range.</summary>
            [System.Flags]
            public enum Access : byte
            {
                /// <summary>0.</summary>
                None = 0,
                /// <summary>1.</summary>
                Read = 1,
                /// <summary>2.</summary>
                Write = 2,
                /// <summary>128.</summary>
                Admin = 128,
            }

            /// <summary>Over ulong, with the largest value.</summary>
            public enum Big : ulong
            {
                /// <summary>1.</summary>
                One = 1,
                /// <summary>ulong.MaxValue.</summary>
                Max = ulong.MaxValue,
            }
        }
        """;
}

/// <summary>Stands for any other source generator: adds <see cref="GeneratedEnumSources.OtherEnums"/>, which the logging generator cannot see.</summary>
internal sealed class OtherEnumGenerator : IIncrementalGenerator
{
    // A regular source output: post-initialization output would be visible to the other generators.
    public void Initialize(IncrementalGeneratorInitializationContext context) =>
        context.RegisterSourceOutput(context.ParseOptionsProvider, static (output, _) => output.AddSource("Sample.OtherEnums.g.cs", GeneratedEnumSources.OtherEnums));
}
