DELETE FROM anomalies WHERE consumer = @consumer AND series_id = @series AND scope = 'series'
