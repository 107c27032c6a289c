using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace DistriC.Analyzers.Tests;

/// <summary>
/// The one markup of the analyzer tests, for metrics and logging alike: <c>{|DSC001:text|}</c> expects
/// diagnostic DSC001 exactly on <c>text</c>. Marks may nest (<c>{|DSC001:a {|DSC002:b|}|}</c>).
/// (<see cref="BuildHarness"/> checks whole builds by line instead, with <c>//! DSCnnn</c> at the end of a line.)
/// </summary>
internal static class Markup
{
    /// <summary>The source without marks, and each mark's diagnostic id and span in that source.</summary>
    public static (string Text, ImmutableArray<(string Id, TextSpan Span)> Marks) Parse(string marked)
    {
        var text = new StringBuilder(marked.Length);
        var marks = ImmutableArray.CreateBuilder<(string Id, TextSpan Span)>();
        var open = new Stack<(string Id, int Start)>();
        int i = 0;
        while (i < marked.Length)
        {
            if (IsOpening(marked, i, out string id))
            {
                open.Push((id, text.Length));
                i += 2 + id.Length + 1;
            }
            else if (open.Count > 0 && string.CompareOrdinal(marked, i, "|}", 0, 2) == 0)
            {
                (string openId, int start) = open.Pop();
                marks.Add((openId, TextSpan.FromBounds(start, text.Length)));
                i += 2;
            }
            else
            {
                text.Append(marked[i]);
                i++;
            }
        }

        Assert.True(open.Count == 0, $"unclosed mark {{|{(open.Count > 0 ? open.Peek().Id : string.Empty)}:");
        return (text.ToString(), marks.ToImmutable());
    }

    /// <summary><c>{|</c>, an id of capital letters then digits, and a colon.</summary>
    private static bool IsOpening(string marked, int at, out string id)
    {
        id = string.Empty;
        if (string.CompareOrdinal(marked, at, "{|", 0, 2) != 0)
        {
            return false;
        }

        int end = at + 2;
        while (end < marked.Length && (char.IsAsciiLetterUpper(marked[end]) || char.IsAsciiDigit(marked[end])))
        {
            end++;
        }

        if (end == at + 2 || end >= marked.Length || marked[end] != ':')
        {
            return false;
        }

        id = marked[(at + 2)..end];
        return true;
    }
}
