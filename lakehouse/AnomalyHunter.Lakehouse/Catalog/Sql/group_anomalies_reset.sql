DELETE FROM anomalies WHERE consumer = @consumer AND scope = 'group' AND group_key = @group
