using System.Linq;
using DistriC.Generators;
using DistriC.Logging;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DistriC.Generator.Tests.Units;

/// <summary>
/// Text from declarations lands in generated source as literals: each literal must be one line, parse
/// without a diagnostic and denote exactly the original text (C#), or the documented replacement (JSON).
/// </summary>
public sealed class SourceLiteralsTests
{
    public static TheoryData<string> Awkward => new()
    {
        string.Empty,
        "plain",
        "say \"hi\"",
        @"C:\temp\new",
        "line\nbreak\r\ttab\0nul",
        "\u0001\u001F\u007F",
        "\u0085\u2028\u2029",
        "é 日本 😀",
        "\uD800",
        "a\uDC00b",
        "\uDC00\uD800",
        "{0} $\"{x}\"",
    };

    [Theory]
    [MemberData(nameof(Awkward))]
    public void A_CSharp_string_literal_is_one_line_and_denotes_the_original_text(string text)
    {
        string literal = SourceLiterals.String(text);

        Assert.DoesNotContain(literal, c => c < ' ' || c is '\u007F' or '\u0085' or '\u2028' or '\u2029' || char.IsSurrogate(c));
        var parsed = Assert.IsType<LiteralExpressionSyntax>(SyntaxFactory.ParseExpression(literal));
        Assert.Empty(parsed.GetDiagnostics());
        Assert.Equal(text, parsed.Token.ValueText);
    }

    [Theory]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("\n\r\t\0", "\"\\n\\r\\t\\0\"")]
    [InlineData("\u0001", "\"\\u0001\"")]
    public void Special_characters_get_their_documented_escapes(string text, string expected)
    {
        Assert.Equal(expected, SourceLiterals.String(text));
    }

    [Fact]
    public void Surrogates_are_escaped_whether_lone_or_paired()
    {
        // Not InlineData: attribute strings are stored as UTF-8, which cannot hold a lone surrogate.
        Assert.Equal("\"\\uD800x\\uD83D\\uDE00\"", SourceLiterals.String("\uD800x\uD83D\uDE00"));
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(1e300, "1E+300")]
    [InlineData(double.PositiveInfinity, "double.PositiveInfinity")]
    [InlineData(double.NegativeInfinity, "double.NegativeInfinity")]
    [InlineData(double.NaN, "double.NaN")]
    public void A_double_literal_is_a_double_that_round_trips(double value, string expected)
    {
        Assert.Equal(expected, SourceLiterals.Double(value));
    }

    [Theory]
    [MemberData(nameof(Awkward))]
    public void A_JSON_string_is_valid_JSON_with_lone_surrogates_replaced(string text)
    {
        string json = LogFormat.Quote(text);

        string expected = string.Concat(text.Select((c, i) => char.IsSurrogate(c) && !IsPairAt(text, i) ? '\uFFFD' : c));
        Assert.Equal(expected, System.Text.Json.JsonSerializer.Deserialize<string>(json));
        Assert.DoesNotContain(json, c => c < ' ');
    }

    private static bool IsPairAt(string text, int i) =>
        char.IsHighSurrogate(text[i]) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) : i > 0 && char.IsHighSurrogate(text[i - 1]);
}
