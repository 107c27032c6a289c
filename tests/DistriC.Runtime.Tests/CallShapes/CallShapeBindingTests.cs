using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DistriC.Runtime.Tests.CallShapes;

/// <summary>
/// The documented call shapes of the dynamic API compile under C# 12 (the net8.0 default), 13 and 14 without
/// ambiguity, and bind the intended overload: the params span one from C# 13 on (allocation-free), the params array
/// or a fixed-arity one under C# 12, to which <c>params ReadOnlySpan</c> is not a params parameter.
/// </summary>
public sealed class CallShapeBindingTests
{
    private const string Span = "span";
    private const string Array = "array";
    private const string Fixed = "fixed";

    // Each call, and the kind of its last parameter as bound under C# 12 and under C# 13 and later.
    private static readonly (string Call, string CSharp12, string CSharp13)[] Calls =
    {
        ("counter.Inc(\"GET\", \"2xx\")", Array, Span),
        ("counter.Add(5, \"GET\", \"2xx\")", Array, Span),
        ("counter.Get(\"GET\", \"2xx\")", Array, Span),
        ("unlabelled.Inc()", Array, Span),
        ("unlabelled.Get()", Array, Span),
        ("counter.Inc(labels)", Array, Array),
        ("counter.Inc(labelSpan)", Span, Span),
        ("gauge.Set(1.5, \"a\")", Array, Span),
        ("gauge.Add(-0.5, \"a\")", Array, Span),
        ("gauge.Inc(\"a\")", Array, Span),
        ("gauge.Dec(\"a\")", Array, Span),
        ("gauge.Get(\"a\")", Array, Span),
        ("histogram.Observe(0.2, \"x\")", Array, Span),
        ("histogram.GetCount(\"x\")", Array, Span),
        ("histogram.GetSum(\"x\")", Array, Span),
        ("histogram.GetBucketCount(0, \"x\")", Array, Span),
        ("logger.Write(LogLevel.Info, \"http\", \"Request received\")", Array, Span),
        ("logger.Write(LogLevel.Info, \"http\", \"Request received\", kvp)", Fixed, Fixed),
        ("logger.Write(LogLevel.Info, \"http\", \"Request received\", kvp, kvp)", Fixed, Fixed),
        ("logger.Write(LogLevel.Info, \"http\", \"Request received\", kvp, kvp, kvp)", Array, Span),
        ("logger.Write(LogLevel.Info, \"http\", \"Request received\", new KeyValuePair<string, string?>(\"table\", \"users\"))", Fixed, Fixed),
        ("logger.Write(LogLevel.Info, \"http\", \"Request received\", fields)", Array, Array),
        ("logger.Write(LogLevel.Info, \"http\", \"Request received\", fieldSpan)", Span, Span),
    };

    private static readonly string Source = $$"""
        using System;
        using System.Collections.Generic;
        using DistriC;

        public static class Caller
        {
            public static void Run(Counter counter, Counter unlabelled, Gauge gauge, Histogram histogram, JsonLogger logger)
            {
                var kvp = new KeyValuePair<string, string?>("method", "GET");
                string[] labels = { "GET", "2xx" };
                ReadOnlySpan<string> labelSpan = labels;
                KeyValuePair<string, string?>[] fields = { kvp };
                ReadOnlySpan<KeyValuePair<string, string?>> fieldSpan = fields;
                {{string.Join("\n", Calls.Select(c => "        _ = " + c.Call + ";"))}}
            }
        }
        """;

    public static TheoryData<LanguageVersion> Versions => new() { LanguageVersion.CSharp12, LanguageVersion.CSharp13, LanguageVersion.Latest, LanguageVersion.Preview };

    [Theory]
    [MemberData(nameof(Versions))]
    public void Every_call_shape_compiles_without_a_diagnostic(LanguageVersion version)
    {
        CSharpCompilation compilation = CallerCompilation.Create(Source, version);
        Assert.Empty(compilation.GetDiagnostics());
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Each_call_binds_the_intended_overload(LanguageVersion version)
    {
        CSharpCompilation compilation = CallerCompilation.Create(Source, version);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SemanticModel model = compilation.GetSemanticModel(tree);
        Dictionary<string, InvocationExpressionSyntax> invocations = tree.GetRoot().DescendantNodes()
            .OfType<InvocationExpressionSyntax>()
            .ToDictionary(i => i.ToString());
        bool csharp12 = version.MapSpecifiedToEffectiveVersion() == LanguageVersion.CSharp12;

        var expected = Calls.Select(c => $"{c.Call} -> {(csharp12 ? c.CSharp12 : c.CSharp13)}");
        var actual = Calls.Select(c => $"{c.Call} -> {LastParameterKind(model, invocations[c.Call])}");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_language_versions_under_test_are_distinct()
    {
        // Guards the theory data: Latest and Preview must not silently collapse to C# 12 with an older compiler.
        Assert.True(LanguageVersion.Latest.MapSpecifiedToEffectiveVersion() >= LanguageVersion.CSharp13);
        Assert.True(LanguageVersion.Preview.MapSpecifiedToEffectiveVersion() > LanguageVersion.CSharp13);
    }

    private static string LastParameterKind(SemanticModel model, InvocationExpressionSyntax invocation)
    {
        var method = (IMethodSymbol?)model.GetSymbolInfo(invocation).Symbol;
        Assert.NotNull(method);
        ITypeSymbol last = method.Parameters[^1].Type;
        return last switch
        {
            IArrayTypeSymbol => Array,
            INamedTypeSymbol { Name: "ReadOnlySpan" } => Span,
            _ => Fixed,
        };
    }
}
