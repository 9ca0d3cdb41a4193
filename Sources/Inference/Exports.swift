// Users of Inference see the data-file types (DataFileError, DataDirectory) and the physics
// vocabulary (Lepton, DarkBosonParameters, ...) too.
@_exported import DataFiles
@_exported import Flavor
