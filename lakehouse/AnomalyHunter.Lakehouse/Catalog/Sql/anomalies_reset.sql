DELETE FROM anomalies WHERE consumer = @consumer AND series_id = @series
