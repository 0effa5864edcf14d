SELECT series_id, series_key FROM series WHERE series_key IN ({keys})
