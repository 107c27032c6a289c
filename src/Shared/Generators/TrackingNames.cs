namespace DistriC.Generators
{
    /// <summary>
    /// Names of every pipeline step of the DistriC generators, in one place so incrementality tests look them up
    /// rather than repeat them (a renamed step then fails to compile, not silently to match).
    /// </summary>
    public static class TrackingNames
    {
        /// <summary>Metrics: reads each <c>[Metric]</c> declaration into its model.</summary>
        public const string MetricModel = "DistriC.Metrics.Model";

        /// <summary>Metrics: keeps the declarations without errors.</summary>
        public const string MetricValid = "DistriC.Metrics.Valid";

        /// <summary>Metrics: keeps the rejected declarations that can host stand-in members.</summary>
        public const string MetricRejected = "DistriC.Metrics.Rejected";

        /// <summary>Metrics: gathers every valid declaration for the catalog.</summary>
        public const string MetricCatalog = "DistriC.Metrics.Catalog";

        /// <summary>Metrics: reads each <c>[MeterInstrument]</c> binding into its model.</summary>
        public const string MeterBindingModel = "DistriC.Metrics.BindingModel";

        /// <summary>Metrics: keeps the bindings without errors.</summary>
        public const string MeterBindingValid = "DistriC.Metrics.BindingValid";

        /// <summary>Metrics: keeps the rejected bindings that can host stand-in members.</summary>
        public const string MeterBindingRejected = "DistriC.Metrics.BindingRejected";

        /// <summary>Logging: what was read from each <c>[LogEvent]</c> method: its model, or its stand-in when rejected.</summary>
        public const string LogEventDeclarations = "LogEventDeclarations";

        /// <summary>Logging: one parsed model per valid <c>[LogEvent]</c> method.</summary>
        public const string LogEventMethods = "LogEventMethods";

        /// <summary>Logging: models grouped by containing type, one generated file each.</summary>
        public const string LogEventTypes = "LogEventTypes";

        /// <summary>Logging: stand-ins of rejected methods grouped by containing type, one generated file each.</summary>
        public const string LogEventStandIns = "LogEventStandIns";
    }
}
