using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace DistriC.Generator.Tests;

/// <summary>Assertions over a generator run's tracked steps, shared by the metrics and logging caching tests.</summary>
internal static class StepAssertions
{
    /// <summary>The run reasons of every output of tracked step <paramref name="step"/>; fails when the step did not run at all.</summary>
    public static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step)
    {
        Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} was not tracked; tracked: {string.Join(", ", result.TrackedSteps.Keys)}");
        return result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
    }

    /// <summary>True for the reasons of a step whose output was reused, so nothing downstream re-ran.</summary>
    public static bool IsReused(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    /// <summary>
    /// Every output of every named step and every source output was reused. The named steps must each have
    /// produced an output, so a renamed or empty step fails instead of passing vacuously. (Roslyn's own
    /// steps, such as the compilation input of ForAttributeWithMetadataName, re-run on every edit by design.)
    /// </summary>
    public static void AssertAllReused(GeneratorRunResult result, params string[] namedSteps)
    {
        foreach (string step in namedSteps)
        {
            IncrementalStepRunReason[] reasons = Reasons(result, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.True(IsReused(r), $"{step}: {r}"));
        }

        Assert.NotEmpty(result.TrackedOutputSteps);
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.True(IsReused(o.Reason), $"output: {o.Reason}"));
    }

    /// <summary>Walks every output of the named steps and fails on Roslyn objects; returns how many outputs were walked.</summary>
    public static int AssertOutputsArePlainData(GeneratorRunResult result, params string[] namedSteps)
    {
        int walked = 0;
        foreach (string step in namedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            foreach ((object value, _) in result.TrackedSteps[step].SelectMany(r => r.Outputs))
            {
                AssertPlainData(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
                walked++;
            }
        }

        return walked;
    }

    /// <summary>Walks every field reachable from <paramref name="value"/> and fails on Roslyn objects that pin a compilation.</summary>
    private static void AssertPlainData(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is decimal)
        {
            return;
        }

        Type type = value.GetType();
        Assert.False(
            value is ISymbol || value is SyntaxNode || value is SyntaxTree || value is Compilation || value is SemanticModel || value is Location,
            $"{path} reaches a {type.FullName}");
        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (object? item in items)
            {
                AssertPlainData(item, $"{path}[{i++}]", seen);
            }
        }

        for (Type? t = type; t is not null; t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertPlainData(field.GetValue(value), $"{path}.{field.Name}", seen);
            }
        }
    }
}
