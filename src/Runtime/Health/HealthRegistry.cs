using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Threading;

namespace DistriC;

/// <summary>
/// Named health components and their worst-of overall status, exported as JSON for <c>/health/ready</c>.
/// </summary>
/// <remarks>
/// <para>Registration is idempotent by name (ordinal): registering a name twice returns the same component.
/// It is serialised by a lock; reads (<see cref="Overall"/>, <see cref="Components"/>, export) work on an immutable
/// snapshot of the component list and never block.</para>
/// <para>Errors: <see cref="Register(string)"/> throws <see cref="HealthRegistrationException"/> (like metric registration
/// throws <see cref="MetricRegistrationException"/>); <see cref="TryRegister(string, out HealthComponent?)"/> returns the same
/// outcome as a <see cref="DistricStatus"/> for callers that prefer status codes to exceptions.</para>
/// </remarks>
public sealed class HealthRegistry
{
    /// <summary>Longest accepted component name, in UTF-16 code units.</summary>
    public const int MaxNameLength = 64;

    private readonly object _registrationLock = new();
    private readonly Dictionary<string, HealthComponent> _byName = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private HealthComponent[] _components = Array.Empty<HealthComponent>();

    /// <summary>Creates a registry for at most 64 components, stamped by the system clock.</summary>
    public HealthRegistry()
        : this(new HealthRegistryOptions())
    {
    }

    /// <summary>Creates a registry with the given limit and clock.</summary>
    /// <param name="options">Limit (positive) and optional clock.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="HealthRegistryOptions.MaxComponents"/> is not positive.</exception>
    public HealthRegistry(HealthRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxComponents, 1, nameof(options));
        MaxComponents = options.MaxComponents;
        _time = options.TimeProvider ?? TimeProvider.System;
    }

    /// <summary>Most components this registry accepts.</summary>
    public int MaxComponents { get; }

    /// <summary>Number of registered components.</summary>
    public int Count => Volatile.Read(ref _components).Length;

    /// <summary>The registered components, in registration order (a snapshot).</summary>
    public IReadOnlyList<HealthComponent> Components => Volatile.Read(ref _components);

    /// <summary>The worst status of all components (<see cref="HealthStatus.Up"/> when there are none).</summary>
    public HealthStatus Overall
    {
        get
        {
            HealthStatus worst = HealthStatus.Up;
            foreach (HealthComponent component in Volatile.Read(ref _components))
            {
                HealthStatus status = component.Status;
                if (status > worst)
                {
                    worst = status;
                }
            }

            return worst;
        }
    }

    /// <summary>Returns the component named <paramref name="name"/>, registering it (status UP) if it is new.</summary>
    /// <param name="name">1 to 64 characters of well-formed UTF-16; any characters are allowed and escaped on export.</param>
    /// <returns>The component; the same instance for the same name.</returns>
    /// <exception cref="HealthRegistrationException">The name is invalid (<see cref="DistricStatus.InvalidArgument"/>) or the
    /// registry already holds <see cref="MaxComponents"/> components (<see cref="DistricStatus.RegistryFull"/>).</exception>
    public HealthComponent Register(string name)
    {
        DistricStatus status = TryRegister(name, out HealthComponent? component);
        return status == DistricStatus.Ok
            ? component!
            : throw new HealthRegistrationException(status, Explain(status, name));
    }

    /// <summary>Like <see cref="Register(string)"/>, but reports failure as a status instead of throwing.</summary>
    /// <param name="name">The component name.</param>
    /// <param name="component">The component when the result is <see cref="DistricStatus.Ok"/> (never null then); otherwise null.</param>
    /// <returns><see cref="DistricStatus.Ok"/>, <see cref="DistricStatus.InvalidArgument"/> or <see cref="DistricStatus.RegistryFull"/>.</returns>
    public DistricStatus TryRegister(string name, out HealthComponent? component)
    {
        component = null;
        if (!IsValidName(name))
        {
            return DistricStatus.InvalidArgument;
        }

        lock (_registrationLock)
        {
            if (_byName.TryGetValue(name, out component))
            {
                return DistricStatus.Ok;
            }

            if (_components.Length >= MaxComponents)
            {
                return DistricStatus.RegistryFull;
            }

            component = new HealthComponent(name, _time);
            var next = new HealthComponent[_components.Length + 1];
            _components.CopyTo(next, 0);
            next[^1] = component;
            _byName.Add(name, component);
            Volatile.Write(ref _components, next);
            return DistricStatus.Ok;
        }
    }

    /// <summary>
    /// Writes <c>{"status":"…","components":[{"name":…,"status":…,"message":…,"last_check_ms":…},…]}</c> as UTF-8 into
    /// <paramref name="output"/>. Names and messages are fully JSON-escaped; <c>last_check_ms</c> is Unix time in milliseconds.
    /// </summary>
    /// <param name="output">Destination buffer.</param>
    /// <returns>The overall status written, computed from the same component states as the body (use it for the HTTP status code).</returns>
    public HealthStatus WriteJson(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return HealthJsonWriter.Write(output, Volatile.Read(ref _components));
    }

    /// <summary>Returns the JSON written by <see cref="WriteJson(IBufferWriter{byte})"/> as a string.</summary>
    /// <returns>The health JSON document.</returns>
    public string ExportJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        WriteJson(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Registers <c>distric_health_status</c>, a gauge read at scrape time: the overall status as 0 (UP), 1 (DEGRADED) or 2 (DOWN).
    /// </summary>
    /// <param name="registry">The metric registry (not frozen).</param>
    /// <exception cref="MetricRegistrationException">The name exists or the registry is full or frozen.</exception>
    public void RegisterMetrics(MetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.CreateObservableGauge("distric_health_status", "Overall health, the worst status of the registered components (UP when there are none): 0 UP, 1 DEGRADED, 2 DOWN", () => (double)Overall);
    }

    private static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= MaxNameLength && !Utf16.HasLoneSurrogate(name);

    private string Explain(DistricStatus status, string? name) => status == DistricStatus.RegistryFull
        ? $"Cannot register health component '{name}': the registry already holds its maximum of {MaxComponents} components."
        : $"Invalid health component name '{name}': it must be 1 to {MaxNameLength} characters of well-formed UTF-16.";
}
