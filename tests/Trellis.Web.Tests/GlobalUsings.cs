global using Trellis.Application.Actors;
global using Trellis.Data.AuditTrail;
