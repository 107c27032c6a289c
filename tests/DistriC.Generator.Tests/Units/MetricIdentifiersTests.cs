using DistriC.Generators;
using DistriC.Metrics;

namespace DistriC.Generator.Tests.Units;

/// <summary>
/// Label names and values become member names through <see cref="MetricIdentifiers"/>: every result must be
/// a valid C# identifier, and the mapping must be the documented one (the analyzer's collision rules rely on it).
/// </summary>
public sealed class MetricIdentifiersTests
{
    [Theory]
    [InlineData("status_code", "StatusCode")]
    [InlineData("us-east-1", "UsEast1")]
    [InlineData("2xx", "_2xx")]
    [InlineData("5", "_5")]
    [InlineData("GET", "GET")]
    [InlineData("get", "Get")]
    [InlineData("a.b c", "ABC")]
    [InlineData("__x__", "X")]
    [InlineData("", "_")]
    [InlineData("-", "_")]
    [InlineData("!@#", "_")]
    [InlineData("café", "Caf")]
    [InlineData("naïve", "NaVe")]
    [InlineData("日本", "_")]
    [InlineData("class", "Class")]
    public void PascalCase_keeps_ascii_letters_and_digits_and_starts_each_word_upper_case(string text, string expected)
    {
        string actual = Identifiers.PascalCase(text);

        Assert.Equal(expected, actual);
        Assert.True(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(actual), actual);
    }

    [Theory]
    [InlineData("class", "@class")]
    [InlineData("int", "@int")]
    [InlineData("namespace", "@namespace")]
    [InlineData("Class", "Class")]
    [InlineData("status", "status")]
    // Contextual keywords are valid identifiers as they stand.
    [InlineData("value", "value")]
    [InlineData("var", "var")]
    public void Escape_prefixes_reserved_keywords_only(string identifier, string expected)
    {
        Assert.Equal(expected, Identifiers.Escape(identifier));
    }
}
