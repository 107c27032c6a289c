// The one "never throw into the compiler" rule of every DistriC generator: an exception escaping a
// pipeline step stops the whole generator run (CS8785, every other generated file lost) and says nothing
// useful. Reading a declaration that fails leaves it to the compiler and the analyzers; producing source
// that fails becomes one readable #error naming the declaration.
using System;
using Microsoft.CodeAnalysis;

namespace DistriC.Generators
{
    internal static class GeneratorGuard
    {
        /// <summary>The result of <paramref name="read"/>, or null when it throws (cancellation still propagates).</summary>
        public static T? Read<T>(Func<T?> read)
            where T : class
        {
            try
            {
                return read();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return null;
            }
        }

        /// <summary>Adds the source <paramref name="emit"/> writes; a generator bug becomes an #error about <paramref name="subject"/>.</summary>
        public static void Produce(SourceProductionContext output, string hintName, string subject, Func<string> emit)
        {
            try
            {
                output.AddSource(hintName, emit());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                try
                {
                    output.AddSource(
                        "DistriC.GeneratorError." + hintName,
                        $"#error DistriC.Generator failed for {subject}: {e.GetType().Name}: {e.Message.Replace('\n', ' ').Replace('\r', ' ')}\n");
                }
                catch (ArgumentException)
                {
                    // The same failure was already reported under this name; one #error is enough.
                }
            }
        }
    }
}
