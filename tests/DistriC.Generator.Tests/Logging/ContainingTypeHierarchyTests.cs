using System.Linq;

namespace DistriC.Generator.Tests.Logging;

/// <summary>
/// The generated file repeats the partial declarations of every type around a [LogEvent] method (the shared
/// TypeHierarchy): keywords, keyword-named types and type parameter lists must match or the file does not compile.
/// </summary>
public sealed class ContainingTypeHierarchyTests
{
    private const string Source = """
        using DistriC;

        namespace Shapes.Logging
        {
            public partial record struct Outer
            {
                public partial record @class<TKey, @event>
                {
                    public static partial class Log
                    {
                        [LogEvent(LogLevel.Info, "shapes", "Nested deeply")]
                        public static partial void Deep(JsonLogger logger, int depth);
                    }
                }
            }
        }
        """;

    [Fact]
    public void Records_keyword_names_and_type_parameters_are_repeated_as_declared_and_compile()
    {
        GeneratorHarness.Logging.BuildAndLoad(Source);
        (var files, _) = GeneratorHarness.Logging.Generate(Source);

        string generated = files.Single(f => f.Key.EndsWith(".Log.g.cs", System.StringComparison.Ordinal)).Value;

        Assert.Contains(
            "namespace Shapes.Logging\n{\n    partial record struct Outer\n    {\n        partial record @class<TKey, @event>\n        {\n            partial class Log\n",
            generated,
            System.StringComparison.Ordinal);
    }
}
