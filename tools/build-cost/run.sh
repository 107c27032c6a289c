#!/usr/bin/env bash
# Build cost of the generated code: builds one synthetic consumer project twice, with and without the
# DistriC attributes, and prints the milliseconds each declaration adds to a full (non-incremental) build.
#
# The "with" project declares N labelled counters ([Metric] + two inline [Label]s of three values each) and
# M [LogEvent] methods with three parameters of mixed types; the "without" project is the same source with
# the attributes removed (plain partial classes, hand-written empty method bodies). Both reference the
# generator and the analyzers as analyzers and the runtime as a normal reference, as in-repo projects do,
# so the difference is what the declarations cost: generator, analyzers and compiling the generated code.
#
# Usage: tools/build-cost/run.sh [--counters N] [--events M] [--runs R] [--keep]
#   --counters N  declared counters (default 1000)
#   --events M    declared log events (default 300)
#   --runs R      timed builds per project; the median is reported (default 3)
#   --keep        keep the temporary folder (to read the generated files under with/obj/generated)
set -euo pipefail

counters=1000
events=300
runs=3
keep=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --counters) counters="$2"; shift 2 ;;
    --events) events="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/distric-build-cost.XXXXXX")"
cleanup() { if [[ "$keep" == true ]]; then echo "kept: $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT

# Build servers off, so every build pays for starting the compiler as a command-line build does.
no_servers=(-nodeReuse:false -p:UseSharedCompilation=false)

write_project() { # $1 = folder
  mkdir -p "$1"
  cat > "$1/BuildCost.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <GenerateDocumentationFile>true</GenerateDocumentationFile>
    <NoWarn>\$(NoWarn);CS1591</NoWarn>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <EmitCompilerGeneratedFiles>\$(DistricEmitGenerated)</EmitCompilerGeneratedFiles>
    <CompilerGeneratedFilesOutputPath>obj/generated</CompilerGeneratedFilesOutputPath>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/Runtime/DistriC.Runtime.csproj" />
    <ProjectReference Include="$repo/src/Generator/DistriC.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$repo/src/Analyzers/DistriC.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
XML
}

# $1 = folder, $2 = true for the declared variant, false for the plain one
write_sources() {
  local dir="$1" declared="$2" i file
  for ((i = 0; i < counters; i++)); do
    (( i % 100 == 0 )) && file="$dir/Counters$((i / 100)).cs" && printf 'using DistriC;\n\nnamespace BuildCost.Metrics;\n' > "$file"
    if [[ "$declared" == true ]]; then
      printf '\n[Metric(MetricKind.Counter, "cost_counter_%d_total", Help = "Synthetic counter %d")]\n[Label("kind", "alpha", "beta", "gamma")]\n[Label("zone", "east", "west", "north")]\npublic sealed partial class Counter%d;\n' "$i" "$i" "$i" >> "$file"
    else
      printf '\npublic sealed partial class Counter%d;\n' "$i" >> "$file"
    fi
  done

  local types=("string text, int count, double ratio" "bool flag, long size, string name" "global::System.Guid id, global::System.TimeSpan elapsed, int attempt")
  for ((i = 0; i < events; i++)); do
    if (( i % 10 == 0 )); then
      (( i > 0 )) && printf '}\n' >> "$file"
      file="$dir/Events$((i / 10)).cs"
      printf 'using DistriC;\n\nnamespace BuildCost.Logging;\n\npublic static partial class EventLog%d\n{\n' "$((i / 10))" > "$file"
    fi
    if [[ "$declared" == true ]]; then
      printf '    [LogEvent(LogLevel.Info, "cost", "Synthetic event %d")]\n    public static partial void Event%d(this JsonLogger logger, %s);\n\n' "$i" "$i" "${types[i % 3]}" >> "$file"
    else
      printf '    public static void Event%d(this JsonLogger logger, %s)\n    {\n    }\n\n' "$i" "${types[i % 3]}" >> "$file"
    fi
  done
  (( events > 0 )) && printf '}\n' >> "$file"
  return 0
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# One full build of the consumer alone: restore done, references built, Rebuild (clean + build) of the project.
# Prints "wall cpu" in milliseconds; cpu (user + system of the build and the compiler it runs) moves less than
# wall time when other work shares the machine.
timed_build() { # $1 = folder
  local TIMEFORMAT='%3R %3U %3S' report
  report=$( { time dotnet build "$1/BuildCost.csproj" -c Release --no-restore --no-incremental -p:BuildProjectReferences=false \
    "${no_servers[@]}" -v:q -nologo -clp:ErrorsOnly > "$1/build.log" 2>&1 ; } 2>&1 ) || { cat "$1/build.log" >&2; exit 1; }
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' <<< "$report"
}

for variant in with without; do
  write_project "$work/$variant"
  write_sources "$work/$variant" "$([[ $variant == with ]] && echo true || echo false)"
done

echo "Synthetic project: $counters counters, $events log events; $runs timed builds each (median)."
# Warm-up: restores, builds the repository's projects once, and (for "with") writes the generated files out to count them.
for variant in with without; do
  dotnet build "$work/$variant/BuildCost.csproj" -c Release "${no_servers[@]}" -p:DistricEmitGenerated=true \
    -v:q -nologo -clp:ErrorsOnly > "$work/$variant/build.log" 2>&1 || { cat "$work/$variant/build.log" >&2; exit 1; }
done
generated_files=$(find "$work/with/obj/generated" -name '*.g.cs' | wc -l)
generated_lines=$(find "$work/with/obj/generated" -name '*.g.cs' -exec cat {} + | wc -l)
echo "Generated: $generated_lines lines in $generated_files files."

declare -A wall cpu
for ((r = 1; r <= runs; r++)); do
  for variant in with without; do   # interleaved, so a change in machine load hits both alike
    read -r w c < <(timed_build "$work/$variant")
    wall[$variant]+="$w "
    cpu[$variant]+="$c "
    echo "run $r: $variant ${w} ms wall, ${c} ms cpu"
  done
done

med() { tr ' ' '\n' <<< "$1" | grep . | median; }
declarations=$(( counters + events ))
report() { # $1 = label, $2 = with median, $3 = without median
  awk -v l="$1" -v a="$2" -v b="$3" -v n="$declarations" \
    'BEGIN { printf "%s: with attributes %d ms, without %d ms, added %.1f ms per declaration (%d declarations)\n", l, a, b, (a - b) / n, n }'
}
report "Median wall" "$(med "${wall[with]}")" "$(med "${wall[without]}")"
report "Median cpu " "$(med "${cpu[with]}")" "$(med "${cpu[without]}")"
