using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DistriC.Hosting.Tests.Support;

/// <summary>
/// An independent reader of the text exposition formats: checks that every line is a well-formed comment or
/// <c>name{labels} value</c> sample belonging to the family declared by the preceding <c>TYPE</c>, and extracts the samples.
/// </summary>
public static partial class ExpositionValidator
{
    private static readonly string[] FamilySuffixes = ["", "_total", "_created", "_bucket", "_count", "_sum", "_info"];

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*")*)?\})? (?<value>[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?Inf|NaN)(?: -?[0-9]+(?:\.[0-9]+)?)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""^# (?:HELP (?<help>[a-zA-Z_:][a-zA-Z0-9_:]*)(?: .*)?|UNIT (?<unit>[a-zA-Z_:][a-zA-Z0-9_:]*) [a-zA-Z0-9_:]+|TYPE (?<type>[a-zA-Z_:][a-zA-Z0-9_:]*) (?:counter|gauge|histogram|summary|untyped|unknown|info|stateset|gaugehistogram))$""")]
    private static partial Regex CommentLine();

    /// <summary>Every problem found; empty when <paramref name="text"/> is valid exposition of <paramref name="format"/>.</summary>
    public static List<string> Problems(string text, ExpositionFormat format)
    {
        var problems = new List<string>();
        if (text.Length == 0 || text[^1] != '\n')
        {
            problems.Add("exposition must end with a newline");
            return problems;
        }

        string[] lines = text[..^1].Split('\n');
        string? family = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (format == ExpositionFormat.OpenMetrics && line == "# EOF")
            {
                if (i != lines.Length - 1)
                {
                    problems.Add($"line {i + 1}: '# EOF' before the end");
                }

                continue;
            }

            Match comment = CommentLine().Match(line);
            if (comment.Success)
            {
                family = comment.Groups["type"].Success ? comment.Groups["type"].Value : family;
                continue;
            }

            Match sample = SampleLine().Match(line);
            if (!sample.Success)
            {
                problems.Add($"line {i + 1}: malformed: {line}");
            }
            else if (family is null || !BelongsTo(sample.Groups["name"].Value, family))
            {
                problems.Add($"line {i + 1}: sample outside its declared family ({family}): {line}");
            }
        }

        if (format == ExpositionFormat.OpenMetrics && lines[^1] != "# EOF")
        {
            problems.Add("OpenMetrics exposition must end with '# EOF'");
        }

        return problems;
    }

    /// <summary>The samples as <c>name{labels}</c> → value (labels exactly as written).</summary>
    public static Dictionary<string, double> Samples(string text)
    {
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string line in text.Split('\n'))
        {
            Match sample = SampleLine().Match(line);
            if (sample.Success)
            {
                string key = line[..line.LastIndexOf(' ')];
                samples[key] = double.Parse(sample.Groups["value"].Value.Replace("Inf", "Infinity", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            }
        }

        return samples;
    }

    private static bool BelongsTo(string name, string family)
    {
        foreach (string suffix in FamilySuffixes)
        {
            if (name == family + suffix)
            {
                return true;
            }
        }

        return false;
    }
}
